//! Allocator and panic handler for `wasm32v1-none`.
//!
//! Each action runs in a fresh WebAssembly instance, so a bump allocator that never
//! frees is the normal choice: the heap starts after the data, memory grows by pages when
//! needed and is dropped with the instance.
use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;

const PAGE: usize = 65_536;

extern "C" {
    /// Set by the linker: the end of the stack and the data, where the heap may begin.
    static __heap_base: u8;
}

/// The message when the action runs out of memory (the VM's limit on linear memory): the
/// allocator aborts the action itself instead of returning null to the standard library,
/// whose out-of-memory report would be a panic.
pub const OUT_OF_MEMORY: &str = "contract out of memory";

struct BumpAllocator {
    next: UnsafeCell<usize>,
}

// One thread per instance: the VM never runs two calls at once.
unsafe impl Sync for BumpAllocator {}

unsafe impl GlobalAlloc for BumpAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let next = &mut *self.next.get();
        if *next == 0 {
            // The heap starts right after the data (the linker's `__heap_base`), in memory
            // the instance already has: most actions never grow it.
            *next = core::ptr::addr_of!(__heap_base) as usize;
        }
        // `next` rounded up to the alignment (a power of two). `next` is past the stack and
        // the data (more than 16 KiB), so `next - 1` does not wrap, and the VM's memory
        // (a few MiB) is far below the top of the address space, so neither does the `+ 1`.
        // Saying so (`unchecked_add`) shows the compiler that `start` is never 0: no
        // allocation returns null, and the standard library's out-of-memory report (which
        // formats its message, pulling in `core::fmt`) is left out.
        let start = ((*next - 1) | (layout.align() - 1)).unchecked_add(1);
        *next = reserve(start, layout.size());
        start as *mut u8
    }

    unsafe fn dealloc(&self, _ptr: *mut u8, _layout: Layout) {}

    /// Memory past the bump pointer has never been handed out, and a WebAssembly instance's
    /// memory (grown pages too) starts zeroed: nothing to clear.
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        self.alloc(layout)
    }

    /// A block shrinks in place, and the last block handed out grows in place: a growing
    /// `Vec` is not copied. (The bump pointer never moves back: memory past it stays zero.)
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size <= layout.size() {
            return ptr;
        }
        let next = &mut *self.next.get();
        if ptr as usize + layout.size() == *next {
            *next = reserve(ptr as usize, new_size);
            return ptr;
        }
        let new = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
        core::ptr::copy_nonoverlapping(ptr, new, layout.size());
        new
    }
}

/// Makes `[start, start + size)` available (growing the memory when needed) and returns its
/// end, or aborts the action when the VM has no more memory to give.
fn reserve(start: usize, size: usize) -> usize {
    let end = match start.checked_add(size) {
        Some(end) => end,
        None => crate::chain::fail(OUT_OF_MEMORY),
    };
    let available = core::arch::wasm32::memory_size(0) * PAGE;
    if end > available {
        let pages = (end - available).div_ceil(PAGE);
        if core::arch::wasm32::memory_grow(0, pages) == usize::MAX {
            crate::chain::fail(OUT_OF_MEMORY);
        }
    }
    end
}

#[global_allocator]
static ALLOCATOR: BumpAllocator = BumpAllocator { next: UnsafeCell::new(0) };

/// The message of any panic. Contracts reject with `chain::check`/`chain::fail` and their
/// own messages, so a panic is a bug; its text is fixed because formatting the panic's own
/// message would pull `core::fmt` (several KB) into every contract.
pub const PANIC_MESSAGE: &str = "contract panicked (a bug in the contract)";

/// A panic reaches the client as `assertion failure with message: <PANIC_MESSAGE>`.
#[panic_handler]
fn panic(_info: &core::panic::PanicInfo) -> ! {
    crate::chain::fail(PANIC_MESSAGE)
}
