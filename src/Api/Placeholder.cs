namespace WorkOS.Functional; internal static class Placeholder {}
