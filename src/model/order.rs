//! The model's one sort. Each `sort_by_key` call site carried its own copy of the standard
//! library's stable sort in the wasm (about 4 KB each); here the comparison sort is not generic
//! (it sorts (key, position) pairs), so there is one copy for every caller.

/// Sorts `items` by `key`, ties kept in their order (a stable sort). O(n log n).
pub(crate) fn sort_by_rank<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    if items.len() < 2 {
        return;
    }
    let keys: Vec<u64> = items.iter().map(key).collect();
    let order = stable_order(&keys);
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    // At the exact size: the map keeps these vectors (texts, children), and growing from empty
    // would leave room for four in each.
    let mut sorted = Vec::with_capacity(order.len());
    sorted.extend(order.into_iter().filter_map(|i| slots.get_mut(i).and_then(Option::take)));
    *items = sorted;
}

/// The positions of `keys` in sorted order, equal keys in their original order.
#[inline(never)]
fn stable_order(keys: &[u64]) -> Vec<usize> {
    let mut pairs: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
    // Positions are distinct, so an unstable sort of the pairs is a stable sort of the keys.
    pairs.sort_unstable();
    pairs.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_key_and_keeps_ties_in_order() {
        let mut items: Vec<(u64, char)> = vec![(2, 'a'), (0, 'b'), (2, 'c'), (1, 'd'), (0, 'e'), (u64::MAX, 'f'), (1, 'g')];
        sort_by_rank(&mut items, |&(k, _)| k);
        let letters: String = items.iter().map(|&(_, c)| c).collect();
        assert_eq!(letters, "bedgacf");
        let mut empty: Vec<u8> = Vec::new();
        sort_by_rank(&mut empty, |&b| u64::from(b));
        assert!(empty.is_empty());
    }
}
