@counters
Feature: Counter isolation
  Each context counts its own requests, successes, failures and memory, exactly, and no other
  context or tenant can move its counters.

  Background:
    Given tenant acme has contexts for models llama-7b-v1 and mistral-7b

  Rule: Each context counts only its own requests

    Scenario: Two contexts of one tenant count independently
      When tenant acme runs 3 requests on llama-7b-v1
      And tenant acme runs 1 request on mistral-7b
      Then llama-7b-v1 counts 3 requests, 3 successes and 0 failures
      And mistral-7b counts 1 request, 1 success and 0 failures

    Scenario: A failure is counted by the context it happened in
      Given the backend of mistral-7b fails on its first call with 'tokenizer crashed'
      When tenant acme runs 2 requests on mistral-7b
      And tenant acme runs 2 requests on llama-7b-v1
      Then mistral-7b counts 2 requests, 0 successes and 2 failures
      And llama-7b-v1 counts 2 requests, 2 successes and 0 failures

    Scenario: A request refused by the budget counts as a failure
      When tenant acme attempts to run a request needing 2 GiB on llama-7b-v1
      Then llama-7b-v1 counts 1 request, 0 successes and 1 failure

  Rule: Each context keeps its own memory in use and its peak

    Scenario: The peak remembers the most memory ever in use
      When tenant acme allocates 768 MiB in llama-7b-v1
      And tenant acme releases 512 MiB from llama-7b-v1
      Then llama-7b-v1 has 256 MiB in use
      And llama-7b-v1 has had at most 768 MiB in use

    Scenario: Memory used by one context does not show in another
      When tenant acme allocates 768 MiB in llama-7b-v1
      Then mistral-7b has 0 bytes in use
      And mistral-7b has had at most 0 bytes in use

  Rule: Another tenant's attempts leave no mark on the counters

    Scenario: Refused attempts of another tenant are not counted
      When tenant globex attempts to run a request on llama-7b-v1
      Then the attempt is forbidden
      And llama-7b-v1 counts 0 requests, 0 successes and 0 failures
