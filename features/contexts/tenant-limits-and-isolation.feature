@tenant
Feature: Tenant limits and isolation
  A tenant holds a limited number of live contexts, gets everything back when it disposes one, and
  can never use or read another tenant's context.

  Rule: A tenant holds at most 2 live contexts

    Background:
      Given tenant acme has contexts for models llama-7b-v1 and mistral-7b

    Scenario: A third context of the same tenant is refused
      When tenant acme attempts to create a context for model phi-3
      Then the attempt is refused with 'tenant acme has reached its limit of 2 live contexts'

    Scenario: Disposing a context frees a place for another
      When tenant acme disposes the llama-7b-v1 context
      And tenant acme attempts to create a context for model phi-3
      Then the attempt is granted

    Scenario: One tenant at its limit does not restrict another
      When tenant globex attempts to create a context for model phi-3
      Then the attempt is granted

    Scenario: Child contexts do not count against the tenant's limit
      When tenant acme makes a child context summarizer of llama-7b-v1 with a budget of 128 MiB
      Then tenant acme has 2 live contexts

  Rule: The limit per tenant is configurable

    Scenario: A tenant allowed 3 contexts can hold a third
      Given each tenant may hold 3 live contexts
      And a context for model llama-7b-v1 of tenant acme
      And a context for model mistral-7b of tenant acme
      When tenant acme attempts to create a context for model phi-3
      Then the attempt is granted

  @concurrency
  Rule: Creations racing for a tenant's last places never overshoot its limit

    Background:
      Given each tenant may hold 100 live contexts

    Scenario: 1000 creations racing for a limit of 100 make exactly 100 contexts
      When 8 threads attempt 1000 creations of contexts with a budget of 1 MiB for tenant acme at once
      Then exactly 100 creations are granted and the other 900 are refused for the tenant limit
      And tenant acme has 100 live contexts, 100 MiB reserved and 100 trace subscriptions
      And the factory has 100 live contexts

    Scenario: After the race, disposing one context frees exactly one place
      Given 8 threads attempted 1000 creations of contexts with a budget of 1 MiB for tenant acme at once
      When tenant acme disposes one of its contexts
      And 8 threads attempt 1000 creations of contexts with a budget of 1 MiB for tenant acme at once
      Then exactly 1 creations are granted and the other 999 are refused for the tenant limit
      And tenant acme has 100 live contexts, 100 MiB reserved and 100 trace subscriptions

  Rule: Disposing a context releases everything it held

    Scenario: Creating and disposing 100000 contexts leaves nothing behind
      When tenant acme creates and disposes 100000 contexts one after another
      Then the factory has 0 live contexts, 0 bytes reserved and 0 trace subscriptions
      And none of the disposed contexts is still held in memory

    Scenario: Disposing gives back the tenant's place, the reserved budget and the trace subscription
      Given a context for model llama-7b-v1 of tenant acme with a budget of 1 GiB
      And a context for model mistral-7b of tenant acme with a budget of 512 MiB
      When tenant acme disposes the llama-7b-v1 context
      Then tenant acme has 1 live context, 512 MiB reserved and 1 trace subscription

  @req:OC-CTX-5010
  Rule: A tenant cannot use or read another tenant's context

    Scenario Outline: Another tenant's context is refused: <description>
      Given a context for model llama-7b-v1 of tenant acme
      When tenant globex attempts to <action> llama-7b-v1
      Then the attempt is refused with 'tenant globex may not use context acme/llama-7b-v1#1 of tenant acme'
      And llama-7b-v1 counts 0 requests, 0 successes and 0 failures
      And llama-7b-v1 has 0 bytes in use

      Examples:
        | description                                   | action               |
        | Running a request on another tenant's context | run a request on     |
        | Allocating in another tenant's context        | allocate 1 MiB in    |
        | Reading another tenant's counters             | read the counters of |
        | Reading another tenant's trace                | read the trace of    |
        | Looking up another tenant's context           | look up              |
