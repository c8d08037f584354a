use std::fmt;

/// One thing wrong with a map, located by its JSON path (`nodes[12].parent`) and, for syntax
/// errors, by line and column. Loading reports every problem it finds, not only the first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the offending value; empty for the document as a whole.
    pub path: String,
    pub message: String,
    /// 1-based line and column, when known (always for syntax errors).
    pub position: Option<(usize, usize)>,
}

impl Problem {
    pub fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { path: path.into(), message: message.into(), position: None }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((line, column)) = self.position {
            write!(f, "line {line}, column {column}: ")?;
        }
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}
