namespace Bdd.Generator.Tests.Support;

/// <summary>Real feature text used by the generator tests.</summary>
internal static class Features
{
    public const string Drain = """
        @drain
        Feature: Drain
          A draining pool finishes its leases and refuses new ones.

          Background:
            Given pool gpu-0 serves llama-7b-v1

          Scenario: A draining pool refuses new leases
            When the operator drains pool gpu-0
            Then a new lease on pool gpu-0 is refused

          @slow @drain
          Scenario: A drained pool reports drained
            When the operator drains pool gpu-0
            Then pool gpu-0 reports drained

          @ignore
          Scenario: Not yet specified
            Given an undefined step

          @leases
          Rule: Leases finish before the pool stops
            @waiting
            Scenario: A leased pool waits for its lease
              When the operator drains pool gpu-0
              Then pool gpu-0 reports draining
        """;

    public const string Budget = """
        @budgets @serial
        Feature: Budget allocation

          Rule: Requests above the limit are refused
            @limits
            Scenario Outline: Budget allocation
              When a request of <request> bytes arrives
              Then the request is <outcome>

              @edge
              Examples: edges
                | limit | request | outcome |
                | 1024  | 1025    | refused |
                | 1024  | 1024    | allowed |

              @ignore
              Examples: later
                | limit | request | outcome |
                | 0     | 1       | refused |

              Examples:
                | limit | request | outcome |
                | 10    | 5       | allowed |
        """;

    public const string Breaker = """
        Feature: Circuit breaker

          Scenario: The breaker opens after 5 failures
            Given a closed breaker
            When 5 calls fail
            Then the breaker is open
        """;

    /// <summary>A step after a tag on line 6 (a tag must precede a scenario or rule).</summary>
    public const string Malformed = """
        Feature: Broken

          Scenario: ok
            Given a step
          @tag
            Given orphan step
        """;
}
