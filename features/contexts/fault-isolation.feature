@fault
Feature: Fault isolation
  A failing backend faults its own context and nothing else: the caller gets an answer, never an
  exception; the context refuses work until an operator resets it; its neighbours keep working.

  @req:OC-CTX-5020
  Rule: A backend failure faults only its own context

    Scenario Outline: <description>
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
