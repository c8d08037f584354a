//! Whether each quote of a map is what its source says: a verbatim substring of the source's
//! text. For a quote that is not, the closest passage of the source (its line and column) and
//! what differs, each difference classified: full-width against half-width punctuation
//! (`，` for `,`), Traditional against Simplified characters (`开` for `開`), whitespace, or
//! other characters. The command line's `check-quotes` prints it.
//!
//! Linear in the source, near enough: the source is indexed once (its character pairs, after
//! folding width, script and whitespace away), a quote votes for the places that share its
//! pairs, and only the best place is aligned with the quote character by character (a small
//! dynamic programme, the quote's length by a little more than that).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::types::{ArgumentMap, NodeIdx};

/// Which differences count as none: `width` treats full-width and half-width punctuation (and
/// Chinese curly quotation marks against straight ones) as equal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Leniency {
    pub width: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DifferenceKind {
    /// `，` against `,`, `：` against `:`, `“` against `"`: the same mark in the other width.
    Width,
    /// `开` against `開`: the same character in the other script.
    Script,
    /// Spaces or line breaks, present in one and not the other, or of another kind.
    Whitespace,
    /// Anything else: words left out, added or changed.
    Other,
}

impl DifferenceKind {
    pub fn describe(self) -> &'static str {
        match self {
            DifferenceKind::Width => "full-width/half-width punctuation",
            DifferenceKind::Script => "Traditional/Simplified",
            DifferenceKind::Whitespace => "whitespace",
            DifferenceKind::Other => "other characters",
        }
    }
}

/// One run of differing characters between a quote and its closest passage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub kind: DifferenceKind,
    /// What the quote has there ("" when the source has more).
    pub quote: String,
    /// What the source has there ("" when the quote has more).
    pub source: String,
    /// Where in the source, 1-based, in characters.
    pub line: usize,
    pub column: usize,
}

/// The passage of a source closest to a quote that is not in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    /// Where it starts in the source, 1-based, in characters.
    pub line: usize,
    pub column: usize,
    pub text: String,
    /// In the order they come in the passage.
    pub differences: Vec<Difference>,
}

impl Passage {
    /// The kinds of its differences, each once, in the order of [`DifferenceKind`].
    pub fn kinds(&self) -> Vec<DifferenceKind> {
        let mut kinds: Vec<DifferenceKind> = self.differences.iter().map(|d| d.kind).collect();
        kinds.sort_unstable();
        kinds.dedup();
        kinds
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuoteFound {
    /// A verbatim substring of the source.
    Verbatim,
    /// Found only with the leniency asked for (full-width punctuation read as half-width).
    Lenient,
    /// Not in the source; the closest passage, unless the source shares nothing with it.
    NotFound(Option<Passage>),
}

/// The result for `map.nodes[node].evidence[evidence]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteCheck {
    pub node: NodeIdx,
    pub evidence: usize,
    pub found: QuoteFound,
}

/// Quotes longer than this (in characters) are checked, but no closest passage is sought for
/// them: the alignment grows with the square of the length.
pub const MAX_ALIGNED_QUOTE_CHARS: usize = 4000;

/// A source's text, indexed for checking quotes against it.
pub struct SourceText {
    text: String,
    chars: Vec<char>,
    /// The text with widths and scripts folded, as `text` is searched with `--normalise width`.
    width_folded: String,
    /// Folded characters (width, script; whitespace left out) and the index in `chars` of each.
    folded: Vec<char>,
    origin: Vec<usize>,
    /// Each pair of adjacent folded characters -> the indices in `folded` where it starts.
    pairs: HashMap<(char, char), Vec<usize>>,
    /// The index in `chars` where each line starts.
    line_starts: Vec<usize>,
}

impl SourceText {
    pub fn new(text: &str) -> SourceText {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text).to_owned();
        let chars: Vec<char> = text.chars().collect();
        let width_folded: String = chars.iter().map(|&c| fold_width(c)).collect();
        let mut folded = Vec::with_capacity(chars.len());
        let mut origin = Vec::with_capacity(chars.len());
        let mut line_starts = vec![0];
        for (i, &c) in chars.iter().enumerate() {
            if c == '\n' {
                line_starts.push(i + 1);
            }
            if !c.is_whitespace() {
                folded.push(fold(c));
                origin.push(i);
            }
        }
        let mut pairs: HashMap<(char, char), Vec<usize>> = HashMap::new();
        for (i, w) in folded.windows(2).enumerate() {
            pairs.entry((w[0], w[1])).or_default().push(i);
        }
        SourceText { text, chars, width_folded, folded, origin, pairs, line_starts }
    }

    /// Whether `quote` is in the text: verbatim, with the leniency asked for, or not (then
    /// with the closest passage).
    pub fn check(&self, quote: &str, leniency: Leniency) -> QuoteFound {
        if self.text.contains(quote) {
            return QuoteFound::Verbatim;
        }
        if leniency.width {
            let folded: String = quote.chars().map(fold_width).collect();
            if self.width_folded.contains(&folded) {
                return QuoteFound::Lenient;
            }
        }
        QuoteFound::NotFound(self.closest(quote))
    }

    /// The passage closest to `quote`, with what differs; `None` when the text shares no two
    /// adjacent characters with it (nor one, for a quote of one character).
    pub fn closest(&self, quote: &str) -> Option<Passage> {
        let q: Vec<char> = quote.chars().collect();
        if q.is_empty() || q.len() > MAX_ALIGNED_QUOTE_CHARS {
            return None;
        }
        let (start, end) = self.window(&q)?;
        Some(self.align(&q, start, end))
    }

    /// 1-based line and column of the character at `index`.
    fn position(&self, index: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= index);
        let start = self.line_starts.get(line.wrapping_sub(1)).copied().unwrap_or(0);
        (line.max(1), index.saturating_sub(start) + 1)
    }

    /// The stretch of `chars` where the quote most likely stands, with room around it.
    fn window(&self, q: &[char]) -> Option<(usize, usize)> {
        let fq: Vec<char> = q.iter().filter(|c| !c.is_whitespace()).map(|&c| fold(c)).collect();
        if fq.is_empty() || self.folded.is_empty() {
            return None;
        }
        // Where the folded quote starts in the folded text, by each shared pair's vote.
        let mut votes: Vec<isize> = Vec::new();
        if fq.len() == 1 {
            votes.extend(self.folded.iter().enumerate().filter(|(_, &c)| c == fq[0]).map(|(i, _)| i as isize).take(1));
        } else {
            // A pair that is everywhere says little and costs much: left out past this many.
            let common = 64.max(self.folded.len() / 20);
            for (i, w) in fq.windows(2).enumerate() {
                if let Some(at) = self.pairs.get(&(w[0], w[1])).filter(|at| at.len() <= common) {
                    votes.extend(at.iter().map(|&p| p as isize - i as isize));
                }
            }
        }
        if votes.is_empty() {
            return None;
        }
        votes.sort_unstable();
        // The densest band of starting points: insertions and deletions shift them a little.
        let band = (fq.len() / 5).max(4) as isize;
        let (mut best, mut lo) = ((0usize, 0usize), 0usize);
        for hi in 0..votes.len() {
            while votes[hi] - votes[lo] > band {
                lo += 1;
            }
            if hi - lo > best.1 - best.0 {
                best = (lo, hi);
            }
        }
        let first = (votes[best.0] - band).max(0) as usize;
        let last = ((votes[best.1] + fq.len() as isize + band).max(1) as usize).min(self.folded.len());
        let first = first.min(last - 1);
        let start = self.origin[first];
        let end = self.origin[last - 1] + 1;
        // A little more around it, so whitespace at the quote's ends can be matched too.
        Some((start.saturating_sub(4), (end + 4).min(self.chars.len())))
    }

    /// Aligns the whole quote with the best part of `chars[start..end]` (free ends in the text).
    fn align(&self, q: &[char], start: usize, end: usize) -> Passage {
        let w = &self.chars[start..end];
        let (n, m) = (q.len(), w.len());
        // Each character folded once, not once per cell.
        let (qk, wk): (Vec<Folds>, Vec<Folds>) = (q.iter().map(|&c| Folds::of(c)).collect(), w.iter().map(|&c| Folds::of(c)).collect());
        let w_gap: Vec<u32> = w.iter().map(|&c| gap(c).0).collect();
        let cols = m + 1;
        // Costs two rows at a time; the way each cell was reached, for all of them.
        let mut prev: Vec<u32> = vec![0; cols];
        let mut row: Vec<u32> = vec![0; cols];
        let mut from: Vec<u8> = vec![START; (n + 1) * cols];
        for i in 1..=n {
            let (gap_q, _) = gap(q[i - 1]);
            let qi = qk[i - 1];
            row[0] = prev[0] + gap_q;
            from[i * cols] = UP;
            for j in 1..=m {
                let diag = prev[j - 1] + qi.cost(wk[j - 1]);
                let up = prev[j] + gap_q;
                let left = row[j - 1] + w_gap[j - 1];
                let (cost, way) = if diag <= up && diag <= left {
                    (diag, DIAG)
                } else if up <= left {
                    (up, UP)
                } else {
                    (left, LEFT)
                };
                row[j] = cost;
                from[i * cols + j] = way;
            }
            std::mem::swap(&mut prev, &mut row);
        }
        // `prev` is now the last row: the passage ends where the whole quote costs least.
        let mut j = (0..=m).min_by_key(|&j| prev[j]).unwrap_or(m);
        let passage_end = j;
        let mut i = n;
        let mut ops: Vec<Op> = Vec::with_capacity(n + 8);
        while i > 0 {
            match from[i * cols + j] {
                DIAG if j > 0 => {
                    ops.push(Op { quote: Some(q[i - 1]), source: Some(w[j - 1]), at: j - 1 });
                    i -= 1;
                    j -= 1;
                }
                LEFT if j > 0 => {
                    ops.push(Op { quote: None, source: Some(w[j - 1]), at: j - 1 });
                    j -= 1;
                }
                _ => {
                    ops.push(Op { quote: Some(q[i - 1]), source: None, at: j });
                    i -= 1;
                }
            }
        }
        ops.reverse();
        let passage_start = j;
        let mut differences: Vec<Difference> = Vec::new();
        let mut open: Option<(DifferenceKind, String, String, usize)> = None;
        for op in ops {
            let kind = op.kind();
            match (kind, &mut open) {
                (None, _) => {
                    if let Some(done) = open.take() {
                        differences.push(self.difference(done, start));
                    }
                }
                (Some(k), Some((open_kind, quote, source, _))) if *open_kind == k => {
                    quote.extend(op.quote);
                    source.extend(op.source);
                }
                (Some(k), _) => {
                    if let Some(done) = open.take() {
                        differences.push(self.difference(done, start));
                    }
                    open = Some((k, op.quote.into_iter().collect(), op.source.into_iter().collect(), op.at));
                }
            }
        }
        if let Some(done) = open.take() {
            differences.push(self.difference(done, start));
        }
        let (line, column) = self.position(start + passage_start);
        Passage { line, column, text: w[passage_start..passage_end].iter().collect(), differences }
    }

    fn difference(&self, (kind, quote, source, at): (DifferenceKind, String, String, usize), start: usize) -> Difference {
        let (line, column) = self.position(start + at);
        Difference { kind, quote, source, line, column }
    }
}

const START: u8 = 0;
const DIAG: u8 = 1;
const UP: u8 = 2;
const LEFT: u8 = 3;

/// One step of the alignment: a character of the quote, of the source, or of both.
struct Op {
    quote: Option<char>,
    source: Option<char>,
    /// Index in the window of the source character (or of the one after, for a quote's).
    at: usize,
}

impl Op {
    fn kind(&self) -> Option<DifferenceKind> {
        match (self.quote, self.source) {
            (Some(q), Some(s)) => substitution(q, s).1,
            (Some(c), None) | (None, Some(c)) => Some(gap(c).1),
            (None, None) => None,
        }
    }
}

/// A character with its folds, for the alignment's inner loop.
#[derive(Clone, Copy)]
struct Folds {
    c: char,
    width: char,
    script: char,
    space: bool,
}

impl Folds {
    fn of(c: char) -> Folds {
        Folds { c, width: fold_width(c), script: fold_script(c), space: c.is_whitespace() }
    }

    /// `substitution(self, s).0`, from the folds.
    fn cost(self, s: Folds) -> u32 {
        if self.c == s.c {
            0
        } else if (self.space && s.space) || self.width == s.width || self.script == s.script {
            1
        } else {
            4
        }
    }
}

/// The cost of reading `q` in the quote for `s` in the source, and the difference it is.
fn substitution(q: char, s: char) -> (u32, Option<DifferenceKind>) {
    if q == s {
        (0, None)
    } else if q.is_whitespace() && s.is_whitespace() {
        (1, Some(DifferenceKind::Whitespace))
    } else if fold_width(q) == fold_width(s) {
        (1, Some(DifferenceKind::Width))
    } else if fold_script(q) == fold_script(s) {
        (1, Some(DifferenceKind::Script))
    } else {
        (4, Some(DifferenceKind::Other))
    }
}

/// The cost of a character in one and not the other.
fn gap(c: char) -> (u32, DifferenceKind) {
    if c.is_whitespace() {
        (1, DifferenceKind::Whitespace)
    } else {
        (3, DifferenceKind::Other)
    }
}

/// Full-width forms (`，：；！？（）Ａ１`) as their ASCII counterparts, the ideographic space
/// as a space, Chinese curly quotation marks as straight ones.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{201C}' | '\u{201D}' | '\u{201E}' => '"',
        '\u{2018}' | '\u{2019}' => '\'',
        _ => c,
    }
}

/// A Traditional character as its Simplified counterpart, when the table has it.
pub fn fold_script(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut pairs: Vec<(char, char)> = TRADITIONAL.chars().zip(SIMPLIFIED.chars()).collect();
        pairs.sort_unstable();
        pairs
    });
    match table.binary_search_by_key(&c, |&(t, _)| t) {
        Ok(k) => table[k].1,
        Err(_) => c,
    }
}

fn fold(c: char) -> char {
    fold_script(fold_width(c))
}

/// Every quote of the map from source `source` (an index into `map.sources`) checked against
/// its text.
pub fn check_quotes(map: &ArgumentMap, source: usize, text: &SourceText, leniency: Leniency) -> Vec<QuoteCheck> {
    let mut out = Vec::new();
    for (node, n) in map.nodes.iter().enumerate() {
        for (evidence, e) in n.evidence.iter().enumerate().filter(|(_, e)| e.source == source) {
            out.push(QuoteCheck { node, evidence, found: text.check(&e.quote, leniency) });
        }
    }
    out
}
/// Traditional characters, each folded to the Simplified one at the same place in
/// [`SIMPLIFIED`]: every Traditional character of the flagship's five sources and map, and the
/// Traditional form of every Simplified one there, paired as OpenCC's character tables pair
/// them (`t2s`, `s2t`). Small on purpose; a character it lacks differs as "other".
const TRADITIONAL: &str = concat!(
    "並亞佈佔來係倉個們倫偉傘備傳傾僅僞價億儘優儲內兩別刪則創劃劇劉勁動務勝勞勢勵匱區協卻厲參員問啓喚喪喫",
    "單嗎嘆噴嚴國圍園圖團執堅報場塊壓壘壞壟夠夥夾奧奪學宮實審寫寶將專對導屆層屬峯島帥師帳帶幣幫幹幾庫廈廠",
    "廣張強彈彌彎彥後徑從復徹惡愛態慣憂憑憤憲憶應懷戰戲戶拋掃採換揮搖撐撓撲擁擇擊擔據擠擰擴擺攏攬敗敘敵數",
    "斷於昇時暢暫書會東條棄棟棧楊業極榮構槓樂標樣樹機橫檔檢檻權歐歡歲歷歸殘殺氣汙決沒況洩淪淵測湧準溫滯滲",
    "滿漣漸潔潤濟濫瀏為烏無煙煩熱燒營爐爭爲爾牆牽獎獨獲獵獻現環產畢異當瘋發盜盡監盧矚確碼磚礎祕稅種稱積穩",
    "窮竊競箇節範築篩簡籌籤紀約紅納紐純紙級紛細紹終組絆結絕絡給統絲經維網綽緊線緣編練總績織繞繪繼續缽羅羣",
    "義習聯聲脅脫腦腳膠膽臨臺與興舉茲華萬蓋薩藥蘋蘭處虛號虧蝕衆衊術衝裏補裝製複襯見規視親覺覽觀觸訂計訊討",
    "訓託記訟訪設許訴評詞詢話該詳誇誌認誕語誤說誰課調談請論諮諸諾謀謂謙講謹證識譜譯議譴護讀變讓豐豔貝負財",
    "貢貨責貴買費貿賃資賞賢賣賦質賬賴賺購賽贈贊贏趕趨跡踐躍車軌軍軒軟軼較載輕輪輯輸轉轍轟辦辯這連進遊運過",
    "達遙遠適選邁還邊邏郵鄭釋釘針鉢鉤銳銷鋒錄錢錯鍵鍾鎖鏈鐵鑑鑰長門閉開間閘閱闊關陸陽隊階際隨險隱隻雖雛雜",
    "離難雲電靈靜響頁頂頃項順須頌預頓領頭頸頻顆題額願顛類顧顫顯風飛養餘館餾饋馬駁騰驅驗驚體鬥魚魯鮑鮮鯰鴻",
    "鵬麼黃點黨齊龍龐",
);
const SIMPLIFIED: &str = concat!(
    "并亚布占来系仓个们伦伟伞备传倾仅伪价亿尽优储内两别删则创划剧刘劲动务胜劳势励匮区协却厉参员问启唤丧吃",
    "单吗叹喷严国围园图团执坚报场块压垒坏垄够伙夹奥夺学宫实审写宝将专对导届层属峰岛帅师帐带币帮干几库厦厂",
    "广张强弹弥弯彦后径从复彻恶爱态惯忧凭愤宪忆应怀战戏户抛扫采换挥摇撑挠扑拥择击担据挤拧扩摆拢揽败叙敌数",
    "断于升时畅暂书会东条弃栋栈杨业极荣构杠乐标样树机横档检槛权欧欢岁历归残杀气污决没况泄沦渊测涌准温滞渗",
    "满涟渐洁润济滥浏为乌无烟烦热烧营炉争为尔墙牵奖独获猎献现环产毕异当疯发盗尽监卢瞩确码砖础秘税种称积稳",
    "穷窃竞个节范筑筛简筹签纪约红纳纽纯纸级纷细绍终组绊结绝络给统丝经维网绰紧线缘编练总绩织绕绘继续钵罗群",
    "义习联声胁脱脑脚胶胆临台与兴举兹华万盖萨药苹兰处虚号亏蚀众蔑术冲里补装制复衬见规视亲觉览观触订计讯讨",
    "训托记讼访设许诉评词询话该详夸志认诞语误说谁课调谈请论咨诸诺谋谓谦讲谨证识谱译议谴护读变让丰艳贝负财",
    "贡货责贵买费贸赁资赏贤卖赋质账赖赚购赛赠赞赢赶趋迹践跃车轨军轩软轶较载轻轮辑输转辙轰办辩这连进游运过",
    "达遥远适选迈还边逻邮郑释钉针钵钩锐销锋录钱错键钟锁链铁鉴钥长门闭开间闸阅阔关陆阳队阶际随险隐只虽雏杂",
    "离难云电灵静响页顶顷项顺须颂预顿领头颈频颗题额愿颠类顾颤显风飞养余馆馏馈马驳腾驱验惊体斗鱼鲁鲍鲜鲶鸿",
    "鹏么黄点党齐龙庞",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_pairs_each_traditional_character_once() {
        assert_eq!(TRADITIONAL.chars().count(), SIMPLIFIED.chars().count());
        let mut seen: Vec<char> = TRADITIONAL.chars().collect();
        seen.sort_unstable();
        let all = seen.len();
        seen.dedup();
        assert_eq!(seen.len(), all, "a Traditional character twice");
        assert!(TRADITIONAL.chars().zip(SIMPLIFIED.chars()).all(|(t, s)| t != s));
    }
}
