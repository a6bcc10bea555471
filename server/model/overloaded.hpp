#pragma once
// The usual helper for std::visit over an operation with one lambda per alternative.

namespace jb::model {

template <class... Fs>
struct overloaded : Fs... {
    using Fs::operator()...;
};
template <class... Fs>
overloaded(Fs...) -> overloaded<Fs...>;

}  // namespace jb::model
