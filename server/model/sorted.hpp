#pragma once
// Keeping phases and lanes in display order: ascending order key, ties broken by id
// (protocol.md, "Order keys"). Byte-wise comparison, as the keys are ASCII.

#include <algorithm>
#include <string>
#include <vector>

namespace jb::model {

template <class T>
bool display_before(const T& a, const T& b) {
    if (a.order_key != b.order_key) return a.order_key < b.order_key;
    return a.id < b.id;
}

template <class T>
void insert_sorted(std::vector<T>& items, T item) {
    const auto at = std::lower_bound(items.begin(), items.end(), item, &display_before<T>);
    items.insert(at, std::move(item));
}

// The element with this id, or end().
template <class T>
auto find_by_id(std::vector<T>& items, const std::string& id) {
    return std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
}
template <class T>
auto find_by_id(const std::vector<T>& items, const std::string& id) {
    return std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
}

}  // namespace jb::model
