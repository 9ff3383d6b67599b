//! The text of a PDF page with its position, and the page's ruling lines: a small
//! interpreter of the content stream's operators (lopdf parses them) for the text state
//! (`BT`, `Tf`, `Tm`, `Td`, `TD`, `T*`, `TL`, `Tc`, `Tw`, `Tz`, `Ts`, `Tj`, `TJ`, `'`,
//! `"`), the graphics state (`q`, `Q`, `cm`), paths (`re`, `m`, `l`, `h` painted by
//! `S`, `f`, `B` and their variants) and form XObjects (`Do`). Characters are decoded by
//! the font's encoding or ToUnicode CMap (lopdf's), advanced by the font's widths.
//!
//! Geometry is `f32` (positions are not quantities), with the page's origin at its top
//! left and y growing downwards, as a reader reads. Every loop is bounded by [`Limits`].

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};
use std::collections::HashMap;

/// What reading one PDF may cost at most.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Bytes a page's content (or one form XObject) may decompress to.
    pub stream_bytes: usize,
    /// Operators read on one page, form XObjects included.
    pub operators: usize,
    /// Characters kept from one page.
    pub glyphs: usize,
    /// Ruling lines kept from one page.
    pub rules: usize,
    /// Nesting of form XObjects.
    pub depth: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { stream_bytes: 16 << 20, operators: 1_000_000, glyphs: 200_000, rules: 50_000, depth: 6 }
    }
}

/// One character (or the text one code of the font stands for) where it is printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Left edge.
    pub x: f32,
    /// Baseline, from the top of the page.
    pub y: f32,
    /// Advance width.
    pub width: f32,
    /// Font size on the page.
    pub size: f32,
    pub text: String,
}

/// A ruling line: horizontal (`y0 == y1`) or vertical (`x0 == x1`), `x0 <= x1`, `y0 <= y1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rule {
    pub fn horizontal(&self) -> bool {
        (self.y1 - self.y0).abs() < 0.01
    }
}

/// What one page holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageText {
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    /// Images painted (image XObjects and inline images).
    pub images: usize,
    /// The page's content could not be read in full (a limit, a damaged stream).
    pub cut_short: bool,
}

type Matrix = [f32; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a × b`: first `a`, then `b`.
fn multiply(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

fn number(o: &Object) -> Option<f32> {
    let v = match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => return None,
    };
    v.is_finite().then_some(v)
}

fn numbers<const N: usize>(operands: &[Object]) -> Option<[f32; N]> {
    if operands.len() < N {
        return None;
    }
    let mut out = [0.0; N];
    for (slot, o) in out.iter_mut().zip(&operands[operands.len() - N..]) {
        *slot = number(o)?;
    }
    Some(out)
}

/// A font as the interpreter needs it: how codes are cut from a string, what text each
/// stands for, and its width.
struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    /// Two-byte codes (a Type0 font; Semaforo assumes Identity-H's two bytes).
    two_bytes: bool,
    first_char: u32,
    widths: Vec<f32>,
    cid_widths: HashMap<u32, f32>,
    default_width: f32,
    /// Decoded codes, so that each is decoded once.
    decoded: HashMap<u32, String>,
}

/// Entries of a CID font's `W` array read at most.
const MAX_CID_WIDTHS: usize = 100_000;

impl<'a> Font<'a> {
    fn new(doc: &'a Document, dict: &'a Dictionary, limits: &Limits) -> Font<'a> {
        let encoding = dict.get_font_encoding_with_limit(doc, limits.stream_bytes).ok();
        let subtype = dict.get(b"Subtype").and_then(Object::as_name).unwrap_or(b"");
        let two_bytes = subtype == b"Type0";
        let mut font = Font {
            encoding,
            two_bytes,
            first_char: 0,
            widths: Vec::new(),
            cid_widths: HashMap::new(),
            default_width: if two_bytes { 1000.0 } else { 500.0 },
            decoded: HashMap::new(),
        };
        let resolve = |o: &'a Object| -> Option<&'a Object> { doc.dereference(o).ok().map(|(_, o)| o) };
        if two_bytes {
            let descendant = dict
                .get(b"DescendantFonts")
                .ok()
                .and_then(resolve)
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(resolve)
                .and_then(|o| o.as_dict().ok());
            if let Some(d) = descendant {
                if let Some(dw) = d.get(b"DW").ok().and_then(number) {
                    font.default_width = dw;
                }
                if let Some(w) = d.get(b"W").ok().and_then(resolve).and_then(|o| o.as_array().ok()) {
                    font.read_cid_widths(doc, w);
                }
            }
        } else {
            font.first_char = dict.get(b"FirstChar").ok().and_then(number).map_or(0, |f| f.clamp(0.0, 255.0) as u32);
            if let Some(w) = dict.get(b"Widths").ok().and_then(resolve).and_then(|o| o.as_array().ok()) {
                font.widths = w.iter().take(256).map(|o| resolve(o).and_then(number).unwrap_or(0.0)).collect();
            }
            let missing =
                dict.get(b"FontDescriptor").ok().and_then(resolve).and_then(|o| o.as_dict().ok()).and_then(|d| d.get(b"MissingWidth").ok()).and_then(number);
            if let Some(m) = missing.filter(|m| *m > 0.0) {
                font.default_width = m;
            }
        }
        font
    }

    /// `W`: `c [w1 w2 …]` or `c_first c_last w`.
    fn read_cid_widths(&mut self, doc: &Document, w: &[Object]) {
        let resolve = |o: &Object| doc.dereference(o).ok().and_then(|(_, o)| number(o));
        let mut i = 0;
        while i < w.len() && self.cid_widths.len() < MAX_CID_WIDTHS {
            let Some(first) = resolve(&w[i]).filter(|f| *f >= 0.0) else { break };
            let first = first as u32;
            match w.get(i + 1).map(|o| doc.dereference(o).map(|(_, o)| o)) {
                Some(Ok(Object::Array(list))) => {
                    for (k, o) in list.iter().enumerate().take(MAX_CID_WIDTHS) {
                        if let Some(width) = resolve(o) {
                            self.cid_widths.insert(first.saturating_add(k as u32), width);
                        }
                    }
                    i += 2;
                }
                Some(Ok(_)) => {
                    let (Some(last), Some(width)) = (w.get(i + 1).and_then(resolve), w.get(i + 2).and_then(resolve)) else { break };
                    let last = (last.max(0.0) as u32).min(first.saturating_add(MAX_CID_WIDTHS as u32));
                    let mut c = first;
                    while c <= last && self.cid_widths.len() < MAX_CID_WIDTHS {
                        self.cid_widths.insert(c, width);
                        c += 1;
                    }
                    i += 3;
                }
                _ => break,
            }
        }
    }

    fn width(&self, code: u32) -> f32 {
        let w = if self.two_bytes {
            self.cid_widths.get(&code).copied()
        } else {
            code.checked_sub(self.first_char).and_then(|i| self.widths.get(i as usize)).copied().filter(|w| *w > 0.0)
        };
        w.unwrap_or(self.default_width)
    }

    fn text(&mut self, code: u32) -> String {
        if let Some(t) = self.decoded.get(&code) {
            return t.clone();
        }
        let bytes: Vec<u8> = if self.two_bytes { vec![(code >> 8) as u8, code as u8] } else { vec![code as u8] };
        let text = match &self.encoding {
            Some(e) => e.bytes_to_string(&bytes).unwrap_or_default(),
            None if !self.two_bytes && (0x20..0x7f).contains(&code) => char::from(code as u8).to_string(),
            None => String::new(),
        };
        // Control characters (and the NULs of a CMap that maps nothing) are no text; a
        // ligature glyph is its letters (a browser's `ﬁ` is the text `fi`).
        let mut text: String = text.chars().filter(|c| !c.is_control()).collect();
        if text.chars().any(|c| ('\u{fb00}'..='\u{fb06}').contains(&c)) {
            text = text.replace('ﬀ', "ff").replace('ﬁ', "fi").replace('ﬂ', "fl").replace('ﬃ', "ffi").replace('ﬄ', "ffl").replace(['ﬅ', 'ﬆ'], "st");
        }
        self.decoded.insert(code, text.clone());
        text
    }

    /// The codes of a string.
    fn codes(&self, bytes: &[u8]) -> Vec<u32> {
        if self.two_bytes {
            bytes.chunks(2).map(|c| if c.len() == 2 { (u32::from(c[0]) << 8) | u32::from(c[1]) } else { u32::from(c[0]) }).collect()
        } else {
            bytes.iter().map(|b| u32::from(*b)).collect()
        }
    }
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Vec<u8>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
}

/// The interpreter of one page.
struct Reader<'a, 'l> {
    doc: &'a Document,
    limits: &'l Limits,
    page: PageText,
    fonts: HashMap<(ObjectId, Vec<u8>), Font<'a>>,
    state: State,
    stack: Vec<State>,
    tm: Matrix,
    tlm: Matrix,
    /// The current path: segments in user space, already transformed by the CTM.
    path: Vec<(f32, f32, f32, f32)>,
    /// Rectangles of the current path, transformed: (x0, y0, x1, y1) corners.
    rects: Vec<[(f32, f32); 4]>,
    current: (f32, f32),
    start: (f32, f32),
    operators: usize,
}

/// Reads one page. Never fails: what cannot be read is left out and `cut_short` set.
pub fn read_page(doc: &Document, page_id: ObjectId, limits: &Limits) -> PageText {
    let (width, height, origin) = page_box(doc, page_id);
    let mut reader = Reader {
        doc,
        limits,
        page: PageText { width, height, ..PageText::default() },
        fonts: HashMap::new(),
        state: State {
            ctm: [1.0, 0.0, 0.0, 1.0, -origin.0, -origin.1],
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        },
        stack: Vec::new(),
        tm: IDENTITY,
        tlm: IDENTITY,
        path: Vec::new(),
        rects: Vec::new(),
        current: (0.0, 0.0),
        start: (0.0, 0.0),
        operators: 0,
    };
    match doc.get_page_content_with_limit(page_id, limits.stream_bytes) {
        Ok(content) => {
            let resources = page_resources(doc, page_id);
            reader.run(&content, resources, (page_id, Vec::new()), 0);
        }
        Err(_) => reader.page.cut_short = true,
    }
    let mut page = reader.page;
    // Top-down coordinates.
    for g in &mut page.glyphs {
        g.y = height - g.y;
    }
    for r in &mut page.rules {
        let (y0, y1) = (height - r.y1, height - r.y0);
        r.y0 = y0;
        r.y1 = y1;
    }
    page
}

/// The page's size and its lower left corner, from its (inherited) MediaBox or A4.
fn page_box(doc: &Document, page_id: ObjectId) -> (f32, f32, (f32, f32)) {
    let mut dict = doc.get_dictionary(page_id).ok();
    for _ in 0..32 {
        let Some(d) = dict else { break };
        if let Some(b) = d.get(b"MediaBox").ok().and_then(|o| doc.dereference(o).ok()).and_then(|(_, o)| o.as_array().ok()) {
            let v: Vec<f32> = b.iter().filter_map(|o| doc.dereference(o).ok().and_then(|(_, o)| number(o))).collect();
            if let [x0, y0, x1, y1] = v[..] {
                let (w, h) = ((x1 - x0).abs(), (y1 - y0).abs());
                if w > 1.0 && h > 1.0 && w < 20_000.0 && h < 20_000.0 {
                    return (w, h, (x0.min(x1), y0.min(y1)));
                }
            }
        }
        dict = d.get(b"Parent").ok().and_then(|o| o.as_reference().ok()).and_then(|id| doc.get_dictionary(id).ok());
    }
    (595.0, 842.0, (0.0, 0.0))
}

/// The page's resources dictionary, inherited from its parents if it has none.
fn page_resources(doc: &Document, page_id: ObjectId) -> Option<&Dictionary> {
    let mut dict = doc.get_dictionary(page_id).ok();
    for _ in 0..32 {
        let d = dict?;
        if let Ok(r) = d.get(b"Resources").and_then(|o| doc.dereference(o)).and_then(|(_, o)| o.as_dict()) {
            return Some(r);
        }
        dict = d.get(b"Parent").ok().and_then(|o| o.as_reference().ok()).and_then(|id| doc.get_dictionary(id).ok());
    }
    None
}

impl<'a> Reader<'a, '_> {
    fn sub_dict(&self, resources: Option<&'a Dictionary>, key: &[u8]) -> Option<&'a Dictionary> {
        resources?.get(key).ok().and_then(|o| self.doc.dereference(o).ok()).and_then(|(_, o)| o.as_dict().ok())
    }

    /// Runs a content stream; `scope` names its resources, so that fonts of the same name
    /// in different XObjects stay apart.
    fn run(&mut self, content: &[u8], resources: Option<&'a Dictionary>, scope: (ObjectId, Vec<u8>), depth: usize) {
        let fonts = self.sub_dict(resources, b"Font");
        let xobjects = self.sub_dict(resources, b"XObject");
        for op in Content::decode_iter(content) {
            let Ok(op) = op else {
                self.page.cut_short = true;
                break;
            };
            self.operators += 1;
            if self.operators > self.limits.operators || self.page.glyphs.len() >= self.limits.glyphs {
                self.page.cut_short = true;
                break;
            }
            let args = &op.operands;
            match op.operator.as_str() {
                "q" if self.stack.len() < 64 => self.stack.push(self.state.clone()),
                "Q" => {
                    if let Some(s) = self.stack.pop() {
                        self.state = s;
                    }
                }
                "cm" => {
                    if let Some(m) = numbers::<6>(args) {
                        self.state.ctm = multiply(&m, &self.state.ctm);
                    }
                }
                "BT" => {
                    self.tm = IDENTITY;
                    self.tlm = IDENTITY;
                }
                "Tf" => {
                    if let (Some(Object::Name(name)), Some(size)) = (args.first(), args.get(1).and_then(number)) {
                        self.state.size = size;
                        if let Some(dict) = fonts.and_then(|f| f.get(name).ok()).and_then(|o| self.doc.dereference(o).ok()).and_then(|(_, o)| o.as_dict().ok())
                        {
                            let key = (scope.0, [scope.1.as_slice(), b"/", name].concat());
                            if !self.fonts.contains_key(&key) && self.fonts.len() < 1000 {
                                self.fonts.insert(key.clone(), Font::new(self.doc, dict, self.limits));
                            }
                            self.state.font = Some(key.1);
                        } else {
                            self.state.font = None;
                        }
                    }
                }
                "Tc" => self.state.char_spacing = args.first().and_then(number).unwrap_or(0.0),
                "Tw" => self.state.word_spacing = args.first().and_then(number).unwrap_or(0.0),
                "Tz" => self.state.scale = args.first().and_then(number).unwrap_or(100.0) / 100.0,
                "TL" => self.state.leading = args.first().and_then(number).unwrap_or(0.0),
                "Ts" => self.state.rise = args.first().and_then(number).unwrap_or(0.0),
                "Td" => {
                    if let Some([x, y]) = numbers::<2>(args) {
                        self.move_line(x, y);
                    }
                }
                "TD" => {
                    if let Some([x, y]) = numbers::<2>(args) {
                        self.state.leading = -y;
                        self.move_line(x, y);
                    }
                }
                "Tm" => {
                    if let Some(m) = numbers::<6>(args) {
                        self.tm = m;
                        self.tlm = m;
                    }
                }
                "T*" => self.move_line(0.0, -self.state.leading),
                "Tj" => {
                    if let Some(Object::String(bytes, _)) = args.first() {
                        self.show(bytes, &scope);
                    }
                }
                "'" => {
                    self.move_line(0.0, -self.state.leading);
                    if let Some(Object::String(bytes, _)) = args.first() {
                        self.show(bytes, &scope);
                    }
                }
                "\"" => {
                    if let [aw, ac, Object::String(bytes, _)] = &args[..] {
                        self.state.word_spacing = number(aw).unwrap_or(0.0);
                        self.state.char_spacing = number(ac).unwrap_or(0.0);
                        self.move_line(0.0, -self.state.leading);
                        self.show(bytes, &scope);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = args.first() {
                        for item in items {
                            match item {
                                Object::String(bytes, _) => self.show(bytes, &scope),
                                other => {
                                    if let Some(n) = number(other) {
                                        let tx = -n / 1000.0 * self.state.size * self.state.scale;
                                        self.tm = multiply(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &self.tm);
                                    }
                                }
                            }
                        }
                    }
                }
                "re" => {
                    if let Some([x, y, w, h]) = numbers::<4>(args) {
                        let m = &self.state.ctm;
                        self.rects.push([apply(m, x, y), apply(m, x + w, y), apply(m, x + w, y + h), apply(m, x, y + h)]);
                    }
                }
                "m" => {
                    if let Some([x, y]) = numbers::<2>(args) {
                        self.current = apply(&self.state.ctm, x, y);
                        self.start = self.current;
                    }
                }
                "l" => {
                    if let Some([x, y]) = numbers::<2>(args) {
                        let to = apply(&self.state.ctm, x, y);
                        if self.path.len() < 10_000 {
                            self.path.push((self.current.0, self.current.1, to.0, to.1));
                        }
                        self.current = to;
                    }
                }
                "h" => {
                    if self.path.len() < 10_000 {
                        self.path.push((self.current.0, self.current.1, self.start.0, self.start.1));
                    }
                    self.current = self.start;
                }
                "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => self.paint(),
                "n" => {
                    self.path.clear();
                    self.rects.clear();
                }
                "BI" | "ID" | "EI" => self.page.images += usize::from(op.operator == "EI" || op.operator == "BI"),
                "Do" => {
                    if let Some(Object::Name(name)) = args.first() {
                        self.draw_xobject(xobjects, name, resources, depth);
                    }
                }
                _ => {}
            }
        }
    }

    fn draw_xobject(&mut self, xobjects: Option<&'a Dictionary>, name: &[u8], resources: Option<&'a Dictionary>, depth: usize) {
        let Some((id, Ok(stream))) = xobjects.and_then(|x| x.get(name).ok()).and_then(|o| self.doc.dereference(o).ok()).map(|(id, o)| (id, o.as_stream()))
        else {
            return;
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => self.page.images += 1,
            Ok(b"Form") if depth < self.limits.depth => {
                let Ok(content) = stream.decompressed_content_with_limit(self.limits.stream_bytes).or_else(|_| {
                    if stream.filters().map(|f| f.is_empty()).unwrap_or(true) {
                        Ok(stream.content.clone())
                    } else {
                        Err(())
                    }
                }) else {
                    self.page.cut_short = true;
                    return;
                };
                let own = stream.dict.get(b"Resources").ok().and_then(|o| self.doc.dereference(o).ok()).and_then(|(_, o)| o.as_dict().ok());
                let saved = (self.state.clone(), self.tm, self.tlm, self.stack.len());
                if let Some(m) = stream.dict.get(b"Matrix").ok().and_then(|o| o.as_array().ok()).and_then(|a| numbers::<6>(a)) {
                    self.state.ctm = multiply(&m, &self.state.ctm);
                }
                let scope = (id.unwrap_or((0, 0)), name.to_vec());
                self.run(&content, own.or(resources), scope, depth + 1);
                self.state = saved.0;
                self.tm = saved.1;
                self.tlm = saved.2;
                self.stack.truncate(saved.3);
            }
            _ => {}
        }
    }

    fn move_line(&mut self, x: f32, y: f32) {
        self.tlm = multiply(&[1.0, 0.0, 0.0, 1.0, x, y], &self.tlm);
        self.tm = self.tlm;
    }

    /// Shows a string: one glyph per code, each advanced by its width.
    fn show(&mut self, bytes: &[u8], scope: &(ObjectId, Vec<u8>)) {
        let Some(key) = self.state.font.clone() else { return };
        let Some(font) = self.fonts.get_mut(&(scope.0, key.clone())) else { return };
        let s = &self.state;
        for code in font.codes(bytes) {
            if self.page.glyphs.len() >= self.limits.glyphs {
                self.page.cut_short = true;
                return;
            }
            let w0 = font.width(code) / 1000.0;
            let text = font.text(code);
            let trm = multiply(&[s.size * s.scale, 0.0, 0.0, s.size, 0.0, s.rise], &multiply(&self.tm, &s.ctm));
            let (x, y) = (trm[4], trm[5]);
            let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
            let width = w0 * (trm[0] * trm[0] + trm[1] * trm[1]).sqrt();
            let space = if !font.two_bytes && code == 32 { s.word_spacing } else { 0.0 };
            let tx = (w0 * s.size + s.char_spacing + space) * s.scale;
            self.tm = multiply(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &self.tm);
            if !text.is_empty() && x.is_finite() && y.is_finite() && size.is_finite() && width.is_finite() {
                self.page.glyphs.push(Glyph { x, y, width, size, text });
            }
        }
    }

    /// A painted path: its straight horizontal and vertical pieces, and the edges of its
    /// rectangles (a border drawn as a thin filled rectangle is a rule), become rules.
    fn paint(&mut self) {
        let (pw, ph) = (self.page.width, self.page.height);
        let mut segments = std::mem::take(&mut self.path);
        for r in std::mem::take(&mut self.rects) {
            let xs = [r[0].0, r[1].0, r[2].0, r[3].0];
            let ys = [r[0].1, r[1].1, r[2].1, r[3].1];
            let (x0, x1) = (xs.iter().copied().fold(f32::MAX, f32::min), xs.iter().copied().fold(f32::MIN, f32::max));
            let (y0, y1) = (ys.iter().copied().fold(f32::MAX, f32::min), ys.iter().copied().fold(f32::MIN, f32::max));
            let (w, h) = (x1 - x0, y1 - y0);
            // A page's background is no rule.
            if w > pw * 0.9 && h > ph * 0.5 {
                continue;
            }
            if h <= 3.0 {
                segments.push((x0, (y0 + y1) / 2.0, x1, (y0 + y1) / 2.0));
            } else if w <= 3.0 {
                segments.push(((x0 + x1) / 2.0, y0, (x0 + x1) / 2.0, y1));
            } else {
                segments.extend([(x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)]);
            }
        }
        for (ax, ay, bx, by) in segments {
            if self.page.rules.len() >= self.limits.rules || ![ax, ay, bx, by].iter().all(|v| v.is_finite()) {
                break;
            }
            let rule = if (ay - by).abs() < 0.5 && (ax - bx).abs() >= 2.0 {
                Rule { x0: ax.min(bx), y0: ay, x1: ax.max(bx), y1: ay }
            } else if (ax - bx).abs() < 0.5 && (ay - by).abs() >= 2.0 {
                Rule { x0: ax, y0: ay.min(by), x1: ax, y1: ay.max(by) }
            } else {
                continue;
            };
            self.page.rules.push(rule);
        }
    }
}
