global using LanguageExt;
global using LanguageExt.Common;
global using WorkOS.Functional;
global using WorkOS.Functional.Http;
global using Xunit;
global using static LanguageExt.Prelude;
