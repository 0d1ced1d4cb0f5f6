//! Allocator and panic handler for `wasm32v1-none`.
//!
//! Each action runs in a fresh WebAssembly instance, so a bump allocator that never
//! frees is the normal choice: memory grows by pages and is dropped with the instance.
use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;

const PAGE: usize = 65_536;

struct BumpAllocator {
    next: UnsafeCell<usize>,
}

// One thread per instance: the VM never runs two calls at once.
unsafe impl Sync for BumpAllocator {}

unsafe impl GlobalAlloc for BumpAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let next = &mut *self.next.get();
        if *next == 0 {
            *next = core::arch::wasm32::memory_size(0) * PAGE;
        }
        let start = (*next + layout.align() - 1) & !(layout.align() - 1);
        let end = match start.checked_add(layout.size()) {
            Some(end) => end,
            None => return core::ptr::null_mut(),
        };
        let available = core::arch::wasm32::memory_size(0) * PAGE;
        if end > available {
            let pages = (end - available).div_ceil(PAGE);
            if core::arch::wasm32::memory_grow(0, pages) == usize::MAX {
                return core::ptr::null_mut();
            }
        }
        *next = end;
        start as *mut u8
    }

    unsafe fn dealloc(&self, _ptr: *mut u8, _layout: Layout) {}
}

#[global_allocator]
static ALLOCATOR: BumpAllocator = BumpAllocator { next: UnsafeCell::new(0) };

/// A panic reaches the client as `assertion failure with message: <panic message>`.
#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    use alloc::string::ToString;
    let message = info.message().to_string();
    crate::chain::fail(&message)
}
