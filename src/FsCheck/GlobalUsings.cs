global using FsCheck;
global using FsCheck.Fluent;
global using LanguageExt;
global using LanguageExt.Common;
global using static LanguageExt.Prelude;
