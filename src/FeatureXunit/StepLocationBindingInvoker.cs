using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;
using Xunit;

namespace FeatureXunit;

/// <summary>
/// Reqnroll's binding invoker, except that a step definition's failure is rethrown as a <see cref="StepFailedException"/>
/// naming the step (<see cref="StepInProgress"/>), so that the Cucumber messages say where and what failed. Pending,
/// skipped and Reqnroll's own errors pass unchanged, as the runtime tells outcomes apart by the exception's type; so do
/// hooks' failures and steps run outside <see cref="FeatureTests"/>.
/// </summary>
internal sealed class StepLocationBindingInvoker(BindingInvoker inner) : IAsyncBindingInvoker
{
    /// <inheritdoc />
    public async Task<object> InvokeBindingAsync(IBinding binding, IContextManager contextManager, object[] arguments, ITestTracer testTracer, DurationHolder durationHolder)
    {
        try
        {
            return await inner.InvokeBindingAsync(binding, contextManager, arguments, testTracer, durationHolder);
        }
        catch (Exception error) when (binding is IStepDefinitionBinding && IsFailure(error) && Location(contextManager) is { } location)
        {
            throw new StepFailedException(location, error);
        }
    }

    private static bool IsFailure(Exception error) =>
        error is not (PendingStepException or SkipException or ReqnrollException or OperationCanceledException);

    private static string? Location(IContextManager contextManager) =>
        contextManager.ScenarioContext?.ScenarioContainer is { } container && container.IsRegistered<StepInProgress>()
            ? container.Resolve<StepInProgress>().Location
            : null;
}
