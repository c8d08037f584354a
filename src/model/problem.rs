/// One thing wrong with a map, located by its JSON path (`nodes[12].parent`) and, for syntax
/// errors, by line and column. Loading reports every problem it finds, not only the first.
///
/// A problem is a value, not a sentence: `kind` says what is wrong with its arguments, and
/// `strings::Strings::problem` words it in the reader's language (the command line uses English
/// through `Display`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the offending value; empty for the document as a whole.
    pub path: String,
    pub kind: ProblemKind,
    /// 1-based line and column, columns counted in characters, when known (always for syntax
    /// errors).
    pub position: Option<(usize, usize)>,
}

/// What JSON type a field holds, or should hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonType {
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
    /// A language -> text object, or a plain string.
    Text,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The text is larger than the limit; sizes in whole megabytes.
    TooLarge {
        megabytes: usize,
        limit: usize,
    },
    TooManyNodes {
        count: usize,
        limit: usize,
    },
    /// Not JSON at all; `detail` is the JSON parser's own (English) account of it.
    Syntax {
        detail: String,
    },
    NotUtf8,
    WrongType {
        expected: JsonType,
        found: JsonType,
    },
    /// `format` names a version this reader does not know.
    UnsupportedFormat {
        found: String,
    },
    /// `format` is a JSON value of the wrong type.
    FormatNotString {
        found: JsonType,
    },
    MissingFormat,
    Missing,
    Empty,
    /// A text object without any language.
    EmptyText,
    EmptyLanguages,
    EmptyNodes,
    /// A word outside the field's vocabulary.
    UnknownValue {
        found: String,
        expected: &'static [&'static str],
    },
    PositionWithoutSide,
    NotWebLink,
    DuplicateSource {
        id: String,
        first: String,
    },
    DuplicateNode {
        id: String,
        first: String,
    },
    UnknownNode {
        id: String,
    },
    UnknownSource {
        id: String,
    },
    RootHasParent {
        root: String,
    },
    SecondRoot {
        id: String,
        root: String,
    },
    SelfLink,
    /// The ids around a cycle of parents, the first repeated at the end.
    Cycle {
        ids: Vec<String>,
    },
    /// The map could not be fetched; `reason` is the browser's own words.
    Unreachable {
        url: String,
        reason: String,
    },
    Http {
        url: String,
        status: u16,
        status_text: String,
    },
    /// Marks files (`argmap-marks/1`): for another map than this one.
    MarksForAnotherMap {
        found: String,
        expected: String,
    },
    /// A newer `argmap-marks/N` than this reader knows.
    NewerMarks {
        found: String,
    },
    /// A map where a marks file was expected.
    MapNotMarks {
        found: String,
    },
    /// Some other `format`, or none.
    NotMarks {
        found: String,
    },
    /// An answer about a node the exercise does not ask about (it neither supports nor attacks).
    NotAnExercise {
        id: String,
    },
    /// A text over this many characters.
    TooLong {
        limit: usize,
    },
}

impl Problem {
    pub fn at(path: impl Into<String>, kind: ProblemKind) -> Self {
        Problem { path: path.into(), kind, position: None }
    }

    /// The message in English (what the command line prints), without path or position.
    pub fn message(&self) -> String {
        (crate::strings::strings("en").problem)(&self.kind)
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::strings::strings("en").located_problem(self))
    }
}
