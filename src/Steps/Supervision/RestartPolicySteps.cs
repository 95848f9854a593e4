using Reqnroll;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>A pool under the restart policies (backoff, circuit breaker, restart-rate limit) and its engine running again.</summary>
[Binding]
public sealed class RestartPolicySteps(PolicyDriver policies)
{
    [Given("pool {word} serves {word} under the default restart policy")]
    public void GivenPoolServesUnderTheDefaultPolicy(string pool, string model) => policies.Supervise(pool, model);

    [Given("the engine of pool {word} is running again")]
    public void GivenTheEngineIsRunningAgain(string pool) => policies.Pool(pool).Running();
}
