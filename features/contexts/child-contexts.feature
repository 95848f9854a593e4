@child-context
Feature: Child contexts
  A context can make child contexts for sub-tasks of the same tenant. A child carries its parent's
  tenant and trace correlation, spends out of its parent's budget, keeps its faults and its metadata
  to itself, and goes away with its parent.

  Background:
    Given a context for model llama-7b-v1 of tenant acme with a budget of 1 GiB

  Rule: A child belongs to its parent's tenant and family

    Scenario: A child inherits the tenant and the trace correlation of its parent
      When tenant acme makes a child context summarizer of llama-7b-v1 with a budget of 256 MiB
      Then the summarizer context belongs to tenant acme
      And the audit chain of summarizer is acme/llama-7b-v1#1
      And the events of summarizer are correlated with llama-7b-v1

    Scenario: A child starts with a copy of its parent's metadata
      Given llama-7b-v1 carries the metadata region eu-west-1
      When tenant acme makes a child context summarizer of llama-7b-v1 with a budget of 256 MiB
      Then summarizer carries the metadata region eu-west-1

    Scenario: A grandchild's audit chain lists every ancestor
      Given a child context summarizer of llama-7b-v1 with a budget of 256 MiB
      When tenant acme makes a child context chunker of summarizer with a budget of 64 MiB
      Then the audit chain of chunker is acme/llama-7b-v1#1, acme/llama-7b-v1#1.1

  Rule: A child's budget is carved from what its parent has left

    Scenario Outline: A child budget must fit in what the parent has left: <description>
      Given tenant acme has allocated <parent in use> in llama-7b-v1
      When tenant acme attempts to make a child context summarizer of llama-7b-v1 with a budget of <child budget>
      Then the attempt is <verdict>

      Examples:
        | description                                             | parent in use | child budget | verdict |
        | A child within what the parent has left is made         | 768 MiB       | 256 MiB      | granted |
        | A child larger than what the parent has left is refused | 768 MiB       | 512 MiB      | refused |

    Scenario: A refused child is told what the parent has left
      Given tenant acme has allocated 768 MiB in llama-7b-v1
      When tenant acme attempts to make a child context summarizer of llama-7b-v1 with a budget of 512 MiB
      Then the attempt is refused with 'a child budget of 512 MiB exceeds the 256 MiB acme/llama-7b-v1#1 has left'

    Scenario: A child's lifetime limit of requests must fit in what its parent has left
      Given a context for model mistral-7b of tenant acme with a budget of 1 GiB, 4 concurrent requests and 10 total requests
      And tenant acme has run 8 requests on mistral-7b
      When tenant acme attempts to make a child context summarizer of mistral-7b with a budget of 256 MiB and 5 total requests
      Then the attempt is refused with 'a child limit of 5 total requests exceeds the 2 acme/mistral-7b#2 has left'

    Scenario: A child's usage counts against its parent
      Given a child context summarizer of llama-7b-v1 with a budget of 512 MiB
      When tenant acme allocates 300 MiB in summarizer
      Then llama-7b-v1 has 300 MiB in use

    Scenario: Memory a child gives back returns to its parent
      Given a child context summarizer of llama-7b-v1 with a budget of 512 MiB
      And tenant acme has allocated 300 MiB in summarizer
      When tenant acme releases 200 MiB from summarizer
      Then summarizer has 100 MiB in use
      And llama-7b-v1 has 100 MiB in use

    Scenario: A child cannot use memory its parent has already spent
      Given a child context summarizer of llama-7b-v1 with a budget of 512 MiB
      And tenant acme has allocated 900 MiB in llama-7b-v1
      When tenant acme attempts to allocate 200 MiB in summarizer
      Then the attempt is refused with 'acme/llama-7b-v1#1: memory budget of 1 GiB exceeded by a request for 200 MiB with 900 MiB in use'
      And summarizer has 0 bytes in use

    Scenario: A request its parent refused takes nothing from the child's limits
      Given a child context summarizer of llama-7b-v1 with a budget of 512 MiB, 1 concurrent request and 1 total request
      And tenant acme has allocated 900 MiB in llama-7b-v1
      And a request needing 200 MiB on summarizer has been refused for lack of memory in llama-7b-v1
      When tenant acme attempts to run a request on summarizer
      Then the attempt is granted
      And summarizer has 0 bytes in use

  Rule: A child's fault stays in the child but its parent hears of it

    Scenario: A faulted child faults neither its parent nor its sibling
      Given child contexts summarizer and translator of llama-7b-v1 with a budget of 128 MiB each
      And the backend of summarizer fails on its first call with 'tokenizer crashed'
      When tenant acme runs 1 request on summarizer
      Then the llama-7b-v1 and translator contexts are active
      And llama-7b-v1 has seen the fault 'tokenizer crashed' of summarizer

  Rule: Disposing a parent disposes its children

    Scenario: Disposing a parent disposes its children and releases what they held
      Given child contexts summarizer and translator of llama-7b-v1 with a budget of 128 MiB each
      When tenant acme disposes the llama-7b-v1 context
      Then the summarizer context is disposed
      And the translator context is disposed
      And the trace has 0 subscriptions

    Scenario: Disposing a child gives the memory it held back to its parent
      Given a child context summarizer of llama-7b-v1 with a budget of 512 MiB
      And tenant acme has allocated 300 MiB in summarizer
      When tenant acme disposes the summarizer context
      Then llama-7b-v1 has 0 bytes in use

  Rule: A request still running keeps its memory until it ends, even in a disposed child

    Background:
      Given a child context summarizer of llama-7b-v1 with a budget of 512 MiB
      And the backend of summarizer answers after 10 seconds
      And tenant acme has started 1 request needing 300 MiB each on summarizer

    Scenario: Disposing a child gives its parent nothing a running request still uses
      When tenant acme disposes the summarizer context
      And tenant acme attempts to allocate 800 MiB in llama-7b-v1
      Then the attempt is refused with 'acme/llama-7b-v1#1: memory budget of 1 GiB exceeded by a request for 800 MiB with 300 MiB in use'
      And llama-7b-v1 has 300 MiB in use

    Scenario: Memory the child gave back before it was disposed is not given back twice
      Given tenant acme has allocated 100 MiB in summarizer
      And tenant acme has released 100 MiB from summarizer
      When tenant acme disposes the summarizer context
      Then llama-7b-v1 has 300 MiB in use

    Scenario: The memory of that request comes back when it ends
      When tenant acme disposes the summarizer context
      And 10 seconds pass
      And the started requests have answered
      Then llama-7b-v1 has 0 bytes in use

  Rule: Metadata set on a child stays on the child

    Scenario: A child's metadata does not leak to its parent
      Given llama-7b-v1 carries the metadata region eu-west-1
      And a child context summarizer of llama-7b-v1 with a budget of 256 MiB
      When tenant acme sets the metadata region to us-east-1 on summarizer
      Then llama-7b-v1 carries the metadata region eu-west-1
      And summarizer carries the metadata region us-east-1
