use super::types::{ArgumentMap, NodeIdx};

/// One visible row of the tree, with what the ARIA tree pattern needs to describe it when rows
/// are rendered flat: its level and its place among its siblings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub node: NodeIdx,
    pub level: usize,
    /// `aria-setsize`: how many siblings, itself included.
    pub set_size: usize,
    /// `aria-posinset`: 1-based place among its siblings.
    pub pos_in_set: usize,
}

/// The rows a reader sees, top to bottom: the root, then the children of every expanded visible
/// node. Iterative depth-first walk, so depth costs heap, not stack.
pub fn visible_rows(map: &ArgumentMap, expanded: &[bool]) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut stack = vec![Row { node: map.root, level: 1, set_size: 1, pos_in_set: 1 }];
    while let Some(row) = stack.pop() {
        rows.push(row);
        let node = &map.nodes[row.node];
        if expanded.get(row.node).copied().unwrap_or(false) {
            let n = node.children.len();
            for (i, &c) in node.children.iter().enumerate().rev() {
                stack.push(Row { node: c, level: row.level + 1, set_size: n, pos_in_set: i + 1 });
            }
        }
    }
    rows
}

/// The rows of the nodes marked in `shown` (which must include the parent of each), in tree
/// order; set sizes count only the siblings shown.
pub fn rows_where(map: &ArgumentMap, shown: &[bool]) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut stack = vec![Row { node: map.root, level: 1, set_size: 1, pos_in_set: 1 }];
    while let Some(row) = stack.pop() {
        rows.push(row);
        let children: Vec<usize> = map.nodes[row.node].children.iter().copied().filter(|&c| shown[c]).collect();
        let n = children.len();
        for (i, &c) in children.iter().enumerate().rev() {
            stack.push(Row { node: c, level: row.level + 1, set_size: n, pos_in_set: i + 1 });
        }
    }
    rows
}

/// Whether the children of `rows[i]` are shown: the next row is one of them (rows are in tree
/// order). What a drawing of the rows alone, such as the saved picture, calls open.
pub fn children_shown(map: &ArgumentMap, rows: &[Row], i: usize) -> bool {
    let Some(row) = rows.get(i) else { return false };
    rows.get(i + 1).is_some_and(|next| map.nodes.get(next.node).is_some_and(|n| n.parent == Some(row.node)))
}
