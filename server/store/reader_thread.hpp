#pragma once
// Which connection a read of a store with a read pool (pg_store) uses depends on the thread it
// runs on: on one of store_worker's reader threads (store_worker::read), a connection of the
// pool, beside the commits; anywhere else (the store thread, start-up, a command), the
// connection that commits, in order with the writes queued before it. So a job on the store
// thread never waits for a pooled connection that a long export holds, and reads what it wrote.

namespace jb::store {

bool on_reader_thread();

// Marks the current thread as a reader for its lifetime (store_worker's readers; tests that
// want their reads on the pool).
class reader_thread_scope {
public:
    reader_thread_scope();
    ~reader_thread_scope();
    reader_thread_scope(const reader_thread_scope&) = delete;
    reader_thread_scope& operator=(const reader_thread_scope&) = delete;

private:
    bool was_;
};

}  // namespace jb::store
