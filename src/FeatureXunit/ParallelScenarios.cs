using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FeatureXunit;

/// <summary>
/// How many scenarios of one feature run at once. xUnit 2 runs the tests of a class one after another; a feature's
/// scenarios are independent (each has its own Reqnroll test runner, scenario container and drivers), so they may run
/// side by side, as Reqnroll's NUnit and MSTest integrations allow. A feature runs its scenarios one at a time when
/// test parallelization is off (<c>[assembly: CollectionBehavior(DisableTestParallelization = true)]</c> or the runner's
/// option) or when it is in a collection defined with <c>DisableParallelization = true</c> (the features tagged with a
/// tag of <c>generator.addNonParallelizableMarkerForTags</c>); otherwise up to xUnit's <c>maxParallelThreads</c> at once
/// (the number of processors by default, <c>xunit.runner.json</c> or the runner's option can change it).
/// </summary>
internal static class ParallelScenarios
{
    /// <summary>The number of scenarios of a feature in <paramref name="collection"/> that may run at once (1: one by one).</summary>
    public static int Degree(ITestCollection collection, ITestFrameworkExecutionOptions options)
    {
        if (options.DisableParallelizationOrDefault() || ParallelizationDisabledFor(collection.TestAssembly) || Serial(collection))
        {
            return 1;
        }

        var threads = options.MaxParallelThreadsOrDefault();
        return threads > 0 ? threads : Environment.ProcessorCount;
    }

    private static bool ParallelizationDisabledFor(ITestAssembly assembly) =>
        assembly.Assembly.GetCustomAttributes(typeof(CollectionBehaviorAttribute)).FirstOrDefault() is { } behavior
        && behavior.GetNamedArgument<bool>(nameof(CollectionBehaviorAttribute.DisableTestParallelization));

    private static bool Serial(ITestCollection collection) =>
        collection.CollectionDefinition?.GetCustomAttributes(typeof(CollectionDefinitionAttribute)).FirstOrDefault() is { } definition
        && definition.GetNamedArgument<bool>(nameof(CollectionDefinitionAttribute.DisableParallelization));
}
