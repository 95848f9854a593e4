namespace Bdd;
internal static class Placeholder { }
