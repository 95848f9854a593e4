namespace Bdd.Generator;
internal static class Placeholder { }
