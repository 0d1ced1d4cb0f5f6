//! Paged, bounded reads for the read-only query actions (`soviet::agenda`,
//! `wallet::deposits`, `wallet::withdrawals`): the limits every query checks and where a
//! page ends. Pure: host-tested here; the handlers feed it the rows of a table in key order.
use alloc::vec::Vec;
use eosio::Name;

/// The most items one page may ask for.
pub const MAX_PAGE_LIMIT: u32 = 100;
/// The most rows one call reads (matching or not): the bound on its work. A call that
/// stops here returns what it found and `next_id`, the first row it did not read.
pub const SCAN_LIMIT: usize = 200;

/// `limit` is 0.
pub const ERR_LIMIT_ZERO: &str = "limit must be at least 1";
/// `limit` is over [`MAX_PAGE_LIMIT`].
pub const ERR_LIMIT_TOO_LARGE: &str = "limit must be at most 100";

/// Checks a query's `limit` (1 to [`MAX_PAGE_LIMIT`]) and `state` (empty, or one of
/// `states`; otherwise `bad_state`).
pub fn check(limit: u32, state: Name, states: &[Name], bad_state: &'static str) -> Result<(), &'static str> {
    if limit == 0 {
        return Err(ERR_LIMIT_ZERO);
    }
    if limit > MAX_PAGE_LIMIT {
        return Err(ERR_LIMIT_TOO_LARGE);
    }
    if state.as_u64() != 0 && !states.contains(&state) {
        return Err(bad_state);
    }
    Ok(())
}

/// One page from `rows` (ascending ids, read lazily): the items `pick` makes of the rows it
/// keeps, at most `limit` of them, reading at most [`SCAN_LIMIT`] rows plus one more to learn
/// `next_id` when the page ends before the rows do (0 when they ran out).
pub fn page<R, I>(
    rows: impl IntoIterator<Item = R>,
    limit: u32,
    id: impl Fn(&R) -> u64,
    mut pick: impl FnMut(R) -> Option<I>,
) -> (Vec<I>, u64) {
    let mut items = Vec::new();
    for (read, row) in rows.into_iter().enumerate() {
        // `read` rows were read before this one.
        if read == SCAN_LIMIT || items.len() as u32 == limit {
            return (items, id(&row));
        }
        if let Some(item) = pick(row) {
            items.push(item);
        }
    }
    (items, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn evens(rows: core::ops::Range<u64>, limit: u32) -> (Vec<u64>, u64) {
        page(rows, limit, |id| *id, |id| (id % 2 == 0).then_some(id))
    }

    #[test]
    fn a_page_stops_at_its_limit_the_scan_limit_or_the_end() {
        assert_eq!(evens(1..10, 2), (vec![2, 4], 5));
        assert_eq!(evens(1..10, 100), (vec![2, 4, 6, 8], 0));
        let (items, next) = evens(1..1000, 100);
        assert_eq!((items.len(), next), (SCAN_LIMIT / 2, 1 + SCAN_LIMIT as u64));
    }

    #[test]
    fn limits_and_states_are_checked() {
        let open = Name::new(1);
        assert_eq!(check(0, open, &[open], "bad"), Err(ERR_LIMIT_ZERO));
        assert_eq!(check(MAX_PAGE_LIMIT + 1, open, &[open], "bad"), Err(ERR_LIMIT_TOO_LARGE));
        assert_eq!(check(1, Name::new(2), &[open], "bad"), Err("bad"));
        assert_eq!(check(MAX_PAGE_LIMIT, Name::new(0), &[open], "bad"), Ok(()));
    }
}
