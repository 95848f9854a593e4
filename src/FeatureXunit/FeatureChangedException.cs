namespace FeatureXunit;

/// <summary>
/// A feature file is not the text its tests were generated from (edited, moved or deleted since the build): its
/// scenarios do not run, as running the old text would report a result for a specification that no longer exists.
/// </summary>
public sealed class FeatureChangedException(string message) : Exception(message);
