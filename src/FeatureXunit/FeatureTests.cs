using Reqnroll;
using Xunit;
using Xunit.Abstractions;

namespace FeatureXunit;

/// <summary>
/// The base of every generated feature class. Per test it takes a Reqnroll test runner and starts the feature on it
/// (as Reqnroll's xUnit code-behind does), and <see cref="RunAsync"/> runs one pickle: scenario initialize, the
/// <c>ITestOutputHelper</c> into the scenario container, skip on <c>@ignore</c>, else scenario start and every step in
/// pickle order (Background, the Rule's Background, the scenario), then the scenario's errors. A failure names the
/// feature file and the line of the step that failed. A feature file changed since the build runs nothing: each of
/// its tests fails asking for a rebuild (<see cref="FeatureChangedException"/>).
/// </summary>
public abstract class FeatureTests(FeatureMessages feature, ITestOutputHelper output) : IAsyncLifetime
{
    private ITestRunner? _runner;

    /// <summary>Takes a test runner for this test and makes sure it runs this feature.</summary>
    public async Task InitializeAsync()
    {
        feature.EnsureUnchanged();
        try
        {
            var runner = _runner = TestRunnerManager.GetTestRunnerForAssembly(feature.TestAssembly, featureHint: feature.Info);
            try
            {
                if (runner.FeatureContext is { } context && !context.FeatureInfo.Equals(feature.Info))
                {
                    await runner.OnFeatureEndAsync();
                }
            }
            finally
            {
                if (runner.FeatureContext?.BeforeFeatureHookFailed == true)
                {
                    throw new ReqnrollException("[before feature hook error]");
                }

                if (runner.FeatureContext is null)
                {
                    await runner.OnFeatureStartAsync(feature.Info);
                }
            }
        }
        catch
        {
            // xUnit 2 does not call DisposeAsync when InitializeAsync throws: release the runner here.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Ends the scenario and gives the runner back.</summary>
    public async Task DisposeAsync()
    {
        if (_runner is not { } runner)
        {
            return;
        }

        try
        {
            await runner.OnScenarioEndAsync();
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
            _runner = null;
        }
    }

    /// <summary>Runs pickle <paramref name="pickleIndex"/> of the feature (the generated tests' only call).</summary>
    protected async Task RunAsync(int pickleIndex)
    {
        var runner = _runner ?? throw new InvalidOperationException("The test runner was not initialized.");
        var plan = feature.Plan(pickleIndex);
        var info = plan.CreateInfo(pickleIndex);
        runner.OnScenarioInitialize(info, plan.Rule);
        runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs(output);
        var inProgress = new StepInProgress();
        runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs(inProgress);
        StepCall? failed = null;
        if (TagHelper.ContainsIgnoreTag(info.CombinedTags))
        {
            await runner.SkipScenarioAsync();
        }
        else
        {
            await runner.OnScenarioStartAsync();
            foreach (var step in plan.Steps)
            {
                inProgress.Location = Location(step);
                await step.RunAsync(runner);
                if (failed is null && runner.ScenarioContext.ScenarioExecutionStatus != ScenarioExecutionStatus.OK)
                {
                    failed = step;
                }
            }
        }

        try
        {
            await runner.CollectScenarioErrorsAsync();
        }
        catch (Exception error) when (failed is not null && error is not SkipException)
        {
            var location = Location(failed);
            output.WriteLine($"at {location}");
            throw new ScenarioStepException(location, error is StepFailedException { InnerException: { } stepError } ? stepError : error);
        }
    }

    private string Location(StepCall step) => $"{feature.Uri}:{step.Line}: {step.Keyword}{step.Text}";
}
