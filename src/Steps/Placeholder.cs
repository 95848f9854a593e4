namespace Steps;
internal static class Placeholder { }
