@fault
Feature: Fault isolation
  A failing backend faults its own context and nothing else: the caller gets an answer, never an
  exception; the context refuses work until an operator resets it; its neighbours keep working.
  A backend that fails to connect time after time is left alone for a cool-down: creations of its
  model fail fast meanwhile, and other models are not touched.

  @req:OC-CTX-5020
  Rule: A backend failure faults only its own context

    Scenario Outline: A backend failure faults only its own context: <description>
      Given a context for model llama-7b-v1 of tenant acme
      And the backend of llama-7b-v1 <failure>
      When tenant acme runs <requests> requests on llama-7b-v1
      Then the llama-7b-v1 context is faulted with 'CUDA out of memory'
      And llama-7b-v1 counts <requests> requests, <successes> successes and <failures> failures

      Examples:
        | description                                   | failure                                            | requests | successes | failures |
        | A fault on the first call faults the context  | fails on its first call with 'CUDA out of memory'  | 3        | 0         | 3        |
        | A fault after 3 calls keeps the 3 successes   | fails after 3 calls with 'CUDA out of memory'      | 5        | 3         | 2        |
        | A thrown exception is contained like an error | throws on its first call with 'CUDA out of memory' | 2        | 0         | 2        |

    Scenario: A failing backend answers the caller instead of throwing
      Given a context for model llama-7b-v1 of tenant acme
      And the backend of llama-7b-v1 throws on its first call with 'segmentation fault'
      When tenant acme attempts to run a request on llama-7b-v1
      Then the attempt is refused with 'acme/llama-7b-v1#1 faulted: segmentation fault'

    Scenario: A faulted context beside a healthy one leaves the healthy one working
      Given tenant acme has contexts for models llama-7b-v1 and mistral-7b
      And the backend of llama-7b-v1 fails on its first call with 'CUDA out of memory'
      When tenant acme runs 2 requests on llama-7b-v1
      And tenant acme runs 2 requests on mistral-7b
      Then mistral-7b counts 2 requests, 2 successes and 0 failures

    Scenario: A slow backend that fails faults the context when it answers
      Given a context for model llama-7b-v1 of tenant acme
      And the backend of llama-7b-v1 fails with 'engine killed' after 30 seconds
      When tenant acme starts 1 request on llama-7b-v1
      And 30 seconds pass
      Then the llama-7b-v1 context is faulted with 'engine killed'

  Rule: A faulted context refuses requests until an operator resets it

    Background:
      Given a context for model llama-7b-v1 of tenant acme
      And the llama-7b-v1 context has faulted with 'CUDA out of memory'

    Scenario: A faulted context refuses further requests without calling its backend
      When tenant acme attempts to run a request on llama-7b-v1
      Then the attempt is refused with 'acme/llama-7b-v1#1 is faulted (CUDA out of memory) until reset'
      And the backend of llama-7b-v1 has received 1 call

    Scenario: Resetting a faulted context brings it back to work
      When the operator resets the llama-7b-v1 context
      And tenant acme runs 2 requests on llama-7b-v1
      Then the llama-7b-v1 context is active
      And llama-7b-v1 counts 3 requests, 2 successes and 1 failure

  Rule: A backend that keeps failing to connect is left alone until its cool-down passes

    Background:
      Given connecting the backend of llama-7b-v1 fails with 'connection refused'
      And tenant acme has attempted 3 times to create a context for model llama-7b-v1

    Scenario: After 3 failed connections the next creation fails fast
      When tenant acme attempts to create a context for model llama-7b-v1
      Then the attempt is refused with 'the backend of llama-7b-v1 failed 3 times in a row: creations fail fast until 30 s after the last failure'
      And the backend of llama-7b-v1 has been asked to connect 3 times

    Scenario: One second before the cool-down ends creations still fail fast
      Given the backend of llama-7b-v1 can be connected again
      And 29 seconds passed
      When tenant acme attempts to create a context for model llama-7b-v1
      Then the attempt is refused with 'the backend of llama-7b-v1 failed 3 times in a row: creations fail fast until 30 s after the last failure'

    Scenario: Once the cool-down has passed a creation connects again
      Given the backend of llama-7b-v1 can be connected again
      And 30 seconds passed
      When tenant acme attempts to create a context for model llama-7b-v1
      Then the attempt is granted
      And the backend of llama-7b-v1 has been asked to connect 4 times

    Scenario: A failed connection says why
      Given 30 seconds passed
      When tenant acme attempts to create a context for model llama-7b-v1
      Then the attempt is refused with 'the backend of llama-7b-v1 could not be connected: connection refused'

    Scenario: The circuit of one model's backend leaves another model's alone
      When tenant acme attempts to create a context for model mistral-7b
      Then the attempt is granted
