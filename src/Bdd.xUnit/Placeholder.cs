namespace Bdd.xUnit;
internal static class Placeholder { }
