//! The one way a list of stable codes is declared: the diagnostics' `Code` and the
//! audit's `AuditCode` each come from one line per code (doc comment, variant, text,
//! severity), so that the enum, its `ALL`, its texts and its severities cannot disagree,
//! and both are written and read as their text (`Display`, serde; `FromStr` is each
//! list's own, for its error).

macro_rules! stable_codes {
    (
        $(#[$enum_doc:meta])* $name:ident: $severity:ident;
        $( $(#[$doc:meta])* $variant:ident = $text:literal, $level:ident; )*
    ) => {
        $(#[$enum_doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$doc])* $variant, )*
        }

        impl $name {
            /// Every code, in the order of its list.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The code's text. Stable.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            /// The severity every diagnostic or finding with this code has.
            pub const fn severity(self) -> $severity {
                match self {
                    $($name::$variant => $severity::$level,)*
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// As its text: `"code": "duplicate-code"`.
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <String as ::serde::Deserialize>::deserialize(deserializer)?;
                text.parse().map_err(<D::Error as ::serde::de::Error>::custom)
            }
        }
    };
}

pub(crate) use stable_codes;
