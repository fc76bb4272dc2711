global using LanguageExt;
global using LanguageExt.Common;
global using WorkOS.Functional.Http;
global using static LanguageExt.Prelude;
