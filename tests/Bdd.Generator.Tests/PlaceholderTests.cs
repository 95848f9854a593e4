namespace Bdd.Generator.Tests;
public class PlaceholderTests { [Xunit.Fact] public void Builds() => Xunit.Assert.True(true); }
