using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts;
using Steps.Contexts;

namespace Steps.Drivers;

public sealed partial class ContextDriver
{
    private const int AnswerTimeoutSeconds = 10;

    /// <summary>The answers of the last <see cref="RunAsync"/>, in the order the requests ran.</summary>
    public IReadOnlyList<ContextResult> Answers { get; private set; } = [];

    /// <summary>Runs requests one after the other; any answer is fine (counters tell the story, <see cref="Answers"/> keeps them).</summary>
    public async Task RunAsync(string tenant, string name, int count, long memoryBytes = 0)
    {
        var context = Context(name);
        var answers = new List<ContextResult>(count);
        for (var i = 0; i < count; i++)
        {
            answers.Add(await context.ExecuteAsync(new ModelRequest("prompt", memoryBytes), tenant).AsTask().WaitAsync(TimeSpan.FromSeconds(AnswerTimeoutSeconds)));
        }

        Answers = answers;
    }

    /// <summary>Runs a request that the budget of <paramref name="refuser"/> must refuse for lack of memory (a Given setting the stage).</summary>
    public async Task RunRefusedForMemoryAsync(string name, long memoryBytes, string refuser)
    {
        var context = Context(name);
        var result = await context.ExecuteAsync(new ModelRequest("prompt", memoryBytes), context.TenantId).AsTask().WaitAsync(TimeSpan.FromSeconds(AnswerTimeoutSeconds));
        if (result.Outcome != ContextOutcome.BudgetExceeded || result.Budget.Exceeded != Runtime.ExecutionContexts.Budgets.BudgetResource.Memory || result.Budget.Owner != Context(refuser).Id)
        {
            throw new InvalidOperationException($"the request on {name} should have been refused for the memory of {refuser}, but was answered: {result}");
        }
    }

    /// <summary>Runs one request and captures the answer, or the exception thrown instead of an answer, for the Then step.</summary>
    public async Task AttemptRunAsync(string tenant, string name, long memoryBytes = 0)
    {
        var context = Context(name);
        try
        {
            var result = await context.ExecuteAsync(new ModelRequest("prompt", memoryBytes), tenant).AsTask().WaitAsync(TimeSpan.FromSeconds(AnswerTimeoutSeconds));
            LastAttempt = ContextAttempt.From(result.Outcome, result.Error);
        }
        catch (Exception thrown)
        {
            LastAttempt = new ContextAttempt(AttemptVerdict.Threw, $"{thrown.GetType().Name}: {thrown.Message}");
        }
    }

    /// <summary>Starts requests without waiting for their answers (a slow backend answers when the clock moves).</summary>
    public void StartRequests(string tenant, string name, int count, long memoryBytes = 0)
    {
        for (var i = 0; i < count; i++)
        {
            _pending.Add(Context(name).ExecuteAsync(new ModelRequest("prompt", memoryBytes), tenant).AsTask());
        }
    }

    /// <summary>Waits (bounded) for the started requests to answer.</summary>
    public Task WaitForStartedAsync() => Task.WhenAll(_pending).WaitAsync(TimeSpan.FromSeconds(AnswerTimeoutSeconds));

    /// <summary>Makes the context's backend fail once and runs a request into it.</summary>
    public async Task FaultAsync(string name, string message)
    {
        Backend(name).FailNextCall(message);
        await RunAsync(Context(name).TenantId, name, 1);
    }

    /// <summary>The operator resets a context; the Then steps judge the effect (its state, its counters, its trace).</summary>
    public void Reset(string name) => _ = Context(name).Reset();

    /// <summary>Allocates memory that must be granted (a Given or a When setting the stage).</summary>
    public void Allocate(string tenant, string name, long bytes)
    {
        var result = Context(name).Allocate(bytes, tenant);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"the allocation was refused: {result.Error}");
        }
    }

    /// <summary>Attempts an allocation and captures the answer.</summary>
    public void AttemptAllocate(string tenant, string name, long bytes)
    {
        var result = Context(name).Allocate(bytes, tenant);
        LastAttempt = ContextAttempt.From(result.Outcome, result.Error);
    }

    /// <summary>Releases memory.</summary>
    public void Release(string tenant, string name, long bytes) => Context(name).Release(bytes, tenant);

    /// <summary>Attempts to read a context's counters.</summary>
    public void AttemptReadCounters(string tenant, string name)
    {
        var read = Context(name).ReadCounters(tenant);
        LastAttempt = ContextAttempt.From(read.Outcome, read.Error);
    }

    /// <summary>Attempts to read a context's trace.</summary>
    public void AttemptReadTrace(string tenant, string name)
    {
        var read = Context(name).ReadTrace(tenant);
        LastAttempt = ContextAttempt.From(read.Outcome, read.Error);
    }

    /// <summary>Attempts to look a context up by id.</summary>
    public void AttemptLookUp(string tenant, string name)
    {
        var found = Factory.Find(Context(name).Id, tenant);
        LastAttempt = ContextAttempt.From(found.Outcome, found.Error);
    }
}
