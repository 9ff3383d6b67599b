//! The command line's words: the commands, the options each takes, and a parser that
//! refuses anything else with a message that names it (and, for a near miss, the word
//! that was probably meant). An option is never ignored: one that no command knows, one
//! that belongs to another command, a value missing or given twice are all errors.

use crate::terminal::escape;

/// One option: `--json`, or `--lang it|en` when it takes a value.
pub struct Opt {
    pub name: &'static str,
    /// What the value looks like, for messages; `None` for a flag.
    pub value: Option<&'static str>,
    /// May be given more than once (`--map 3=target --map 5=actual`).
    pub repeat: bool,
}

const fn flag(name: &'static str) -> Opt {
    Opt { name, value: None, repeat: false }
}

const fn valued(name: &'static str, value: &'static str) -> Opt {
    Opt { name, value: Some(value), repeat: false }
}

/// A command, its operands (`PLAN`) and its options.
pub struct Command {
    pub name: &'static str,
    pub operands: &'static [&'static str],
    pub options: &'static [Opt],
}

pub const COMMANDS: &[Command] = &[
    Command { name: "check", operands: &["PLAN"], options: &[valued("--lang", "it|en")] },
    Command { name: "evaluate", operands: &["PLAN"], options: &[flag("--json"), flag("--explain"), valued("--lang", "it|en")] },
    Command { name: "audit", operands: &["PLAN"], options: &[flag("--json"), flag("--csv"), valued("--lang", "it|en")] },
    Command { name: "schema", operands: &[], options: &[] },
    Command { name: "synthetic", operands: &["N"], options: &[] },
    Command {
        name: "import",
        operands: &["TABLE"],
        options: &[
            valued("--format", "tsv|csv|semicolon|xlsx"),
            valued("--settings", "FILE"),
            Opt { name: "--map", value: Some("COL=FIELD"), repeat: true },
            Opt { name: "--row", value: Some("ROW=ROLE"), repeat: true },
            valued("--ente", "NAME"),
            valued("--year", "YEAR"),
            valued("--save-settings", "FILE"),
            flag("--report"),
            valued("--lang", "it|en"),
            valued("--pages", "FIRST-LAST"),
            valued("--tables", "N,N,…"),
            flag("--list-tables"),
        ],
    },
];

/// What the command line asks for.
pub enum Invocation {
    /// `--help`, `-h` or `help`: the usage, on standard output.
    Help,
    Run(Args),
}

/// A command with its operands and options, each known to the command.
pub struct Args {
    pub command: &'static Command,
    pub operands: Vec<String>,
    options: Vec<(&'static str, Option<String>)>,
}

impl Args {
    /// Whether a flag was given.
    pub fn flag(&self, name: &str) -> bool {
        self.options.iter().any(|(n, _)| *n == name)
    }

    /// An option's value, if it was given.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.options.iter().find(|(n, _)| *n == name).and_then(|(_, v)| v.as_deref())
    }

    /// Every value of a repeatable option, in order.
    pub fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.options.iter().filter(move |(n, _)| *n == name).filter_map(|(_, v)| v.as_deref())
    }
}

fn is_option(arg: &str) -> bool {
    arg.starts_with('-') && arg != "-"
}

fn lookup(options: &'static [Opt], name: &str) -> Option<&'static Opt> {
    options.iter().find(|o| o.name == name)
}

/// Parses the arguments after the program's name. Options may come before or after the
/// command and its operands; after `--` every argument is an operand.
pub fn parse(args: &[String]) -> Result<Invocation, String> {
    let end = args.iter().position(|a| a == "--").unwrap_or(args.len());
    if args[..end].iter().any(|a| a == "--help" || a == "-h") {
        return Ok(Invocation::Help);
    }
    // The command is the first operand; skip the values of options on the way to it.
    let mut i = 0;
    let command_at = loop {
        match args.get(i) {
            None => return Err(format!("which command? one of {}", command_names())),
            Some(a) if a == "--" => match args.get(i + 1) {
                Some(_) => break i + 1,
                None => return Err(format!("which command? one of {}", command_names())),
            },
            Some(a) if is_option(a) => {
                let takes_value = COMMANDS.iter().any(|c| lookup(c.options, a).is_some_and(|o| o.value.is_some()));
                i += if takes_value { 2 } else { 1 };
            }
            Some(_) => break i,
        }
    };
    let name = args[command_at].as_str();
    if name == "help" {
        return Ok(Invocation::Help);
    }
    let Some(command) = COMMANDS.iter().find(|c| c.name == name) else {
        let hint = suggest(name, COMMANDS.iter().map(|c| c.name)).map(|s| format!("; did you mean `{s}`?")).unwrap_or_default();
        return Err(format!("unknown command `{}`{hint}\ncommands: {}", escape(name), command_names()));
    };
    let mut parsed = Args { command, operands: Vec::new(), options: Vec::new() };
    let mut i = 0;
    let mut only_operands = false;
    while i < args.len() {
        let arg = args[i].as_str();
        i += 1;
        if i - 1 == command_at {
            continue;
        }
        if !only_operands && arg == "--" {
            only_operands = true;
            continue;
        }
        if only_operands || !is_option(arg) {
            if parsed.operands.len() == command.operands.len() {
                return Err(format!("unexpected argument `{}`\nusage: {}", escape(arg), synopsis(command)));
            }
            parsed.operands.push(arg.to_string());
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value)),
            _ => (arg, None),
        };
        let Some(option) = lookup(command.options, name) else {
            return Err(unknown_option(command, name));
        };
        let value = match (option.value, inline) {
            (None, None) => None,
            (None, Some(_)) => return Err(format!("`{}` takes no value", option.name)),
            (Some(_), Some(value)) if !value.is_empty() => Some(value.to_string()),
            (Some(_), None) if args.get(i).is_some_and(|v| !v.starts_with("--")) => {
                i += 1;
                Some(args[i - 1].clone())
            }
            (Some(shape), _) => return Err(format!("`{}` needs a value: {} {shape}", option.name, option.name)),
        };
        if value.is_some() && !option.repeat && parsed.flag(option.name) {
            return Err(format!("`{}` given twice", option.name));
        }
        parsed.options.push((option.name, value));
    }
    if parsed.operands.len() < command.operands.len() {
        return Err(format!("`{}` needs {}\nusage: {}", command.name, command.operands[parsed.operands.len()..].join(" "), synopsis(command)));
    }
    Ok(Invocation::Run(parsed))
}

fn command_names() -> String {
    COMMANDS.iter().map(|c| c.name).collect::<Vec<_>>().join(", ")
}

/// `semaforo import TABLE [--format tsv|csv|semicolon|xlsx] …`
pub fn synopsis(command: &Command) -> String {
    let mut out = format!("semaforo {}", command.name);
    for operand in command.operands {
        out.push(' ');
        out.push_str(operand);
    }
    for option in command.options {
        match option.value {
            Some(value) => out.push_str(&format!(" [{} {value}]", option.name)),
            None => out.push_str(&format!(" [{}]", option.name)),
        }
        if option.repeat {
            out.push('…');
        }
    }
    out
}

fn option_list(command: &Command) -> String {
    if command.options.is_empty() {
        return format!("`{}` takes no options", command.name);
    }
    let list: Vec<String> = command
        .options
        .iter()
        .map(|o| match o.value {
            Some(value) => format!("{} {value}", o.name),
            None => o.name.to_string(),
        })
        .collect();
    format!("options of `{}`: {}", command.name, list.join(", "))
}

fn unknown_option(command: &Command, name: &str) -> String {
    let owners: Vec<&str> = COMMANDS.iter().filter(|c| lookup(c.options, name).is_some()).map(|c| c.name).collect();
    if !owners.is_empty() {
        return format!("`{name}` is an option of `{}`, not of `{}`\n{}", owners.join("`, `"), command.name, option_list(command));
    }
    let hint = match suggest(name, command.options.iter().map(|o| o.name)) {
        Some(s) => format!("; did you mean `{s}`?"),
        None => match suggest(name, COMMANDS.iter().flat_map(|c| c.options.iter().map(|o| o.name))) {
            Some(s) => format!("; did you mean `{s}` (an option of another command)?"),
            None => String::new(),
        },
    };
    format!("unknown option `{}`{hint}\n{}", escape(name), option_list(command))
}

/// The candidate closest to `word`, if it is close enough to be what was meant: at most
/// two edits (a swap of two neighbours counts as one) and fewer edits than half its
/// length, or the only candidate that starts with `word`.
pub fn suggest<'a>(word: &str, candidates: impl Iterator<Item = &'a str> + Clone) -> Option<&'a str> {
    let bare = |s: &str| s.trim_start_matches('-').to_lowercase();
    let word = bare(word);
    if word.is_empty() {
        return None;
    }
    let best = candidates
        .clone()
        .map(|c| (distance(&word, &bare(c)), c))
        .min_by_key(|(d, _)| *d)
        .filter(|(d, c)| *d <= 2 && d * 2 < bare(c).chars().count().max(word.chars().count()))
        .map(|(_, c)| c);
    best.or_else(|| {
        let mut starting = candidates.filter(|c| bare(c).starts_with(&word));
        match (starting.next(), starting.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    })
}

/// Edit distance with adjacent transpositions (optimal string alignment).
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1).min(rows[i][j - 1] + 1).min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Args, String> {
        match parse(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>())? {
            Invocation::Run(args) => Ok(args),
            Invocation::Help => Err("help".into()),
        }
    }

    #[test]
    fn options_anywhere_values_inline_or_apart() {
        let args = run(&["--lang", "en", "evaluate", "p.json", "--json"]).unwrap();
        assert_eq!(args.command.name, "evaluate");
        assert_eq!(args.operands, ["p.json"]);
        assert_eq!(args.value("--lang"), Some("en"));
        assert!(args.flag("--json") && !args.flag("--explain"));
        let args = run(&["evaluate", "--lang=it", "--", "--odd.json"]).unwrap();
        assert_eq!((args.value("--lang"), args.operands[0].as_str()), (Some("it"), "--odd.json"));
        let args = run(&["import", "t.csv", "--map", "3=target", "--map=5=actual"]).unwrap();
        assert_eq!(args.values("--map").collect::<Vec<_>>(), ["3=target", "5=actual"]);
    }

    #[test]
    fn every_misuse_is_named() {
        let err = |args: &[&str]| run(args).err().unwrap_or_else(|| panic!("{args:?} accepted"));
        assert!(err(&["evaluate", "p", "--jsno"]).starts_with("unknown option `--jsno`; did you mean `--json`?"));
        assert!(err(&["evaluate", "p", "--jsno"]).contains("--json, --explain, --lang it|en"));
        assert!(err(&["check", "p", "--json"]).starts_with("`--json` is an option of `evaluate`, `audit`, not of `check`"));
        assert!(err(&["check", "p", "--json"]).contains("options of `check`: --lang it|en"));
        assert!(err(&["schema", "--json"]).contains("`schema` takes no options"));
        assert!(err(&["evaluate", "p", "--lang"]).starts_with("`--lang` needs a value: --lang it|en"));
        assert!(err(&["evaluate", "p", "--lang", "--json"]).starts_with("`--lang` needs a value"));
        assert!(err(&["evaluate", "p", "--lang="]).starts_with("`--lang` needs a value"));
        assert!(err(&["evaluate", "p", "--lang", "en", "--lang", "it"]).starts_with("`--lang` given twice"));
        assert!(err(&["evaluate", "p", "--json=yes"]).starts_with("`--json` takes no value"));
        assert!(err(&["evaluate", "p", "q"]).starts_with("unexpected argument `q`"));
        assert!(err(&["evaluate"]).starts_with("`evaluate` needs PLAN"));
        assert!(err(&["evalute", "p"]).starts_with("unknown command `evalute`; did you mean `evaluate`?"));
        assert!(err(&["import", "t", "--jon"]).contains("did you mean `--json` (an option of another command)?"));
        assert!(err(&["evaluate", "p", "-x"]).starts_with("unknown option `-x`"));
        assert!(err(&[]).starts_with("which command?"));
        assert!(err(&["--help"]) == "help" && err(&["evaluate", "-h"]) == "help" && err(&["help"]) == "help");
    }

    #[test]
    fn suggestions_are_near_misses_only() {
        let options = ["--json", "--explain", "--lang"];
        assert_eq!(suggest("--jsno", options.into_iter()), Some("--json"));
        assert_eq!(suggest("--explian", options.into_iter()), Some("--explain"));
        assert_eq!(suggest("--ex", options.into_iter()), Some("--explain"));
        assert_eq!(suggest("--xyz", options.into_iter()), None);
        assert_eq!(suggest("--", options.into_iter()), None);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
