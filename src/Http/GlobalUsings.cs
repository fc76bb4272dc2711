global using LanguageExt;
global using LanguageExt.Common;
global using WorkOS.Functional;
global using static LanguageExt.Prelude;
