@budget
Feature: Budget isolation
  Every context spends its own memory budget and nothing more: an allocation that fits is granted,
  one byte over is refused with a message naming the limit, and one context's spending never
  shrinks another's budget.

  Rule: An allocation is granted while it stays within the budget, the limit included

    Scenario Outline: An allocation must stay within the budget: <description>
      Given a context for model llama-7b-v1 of tenant acme with a budget of <budget>
      When tenant acme attempts to allocate <request> in llama-7b-v1
      Then the attempt is <verdict>
      And llama-7b-v1 has <in use> in use

      Examples:
        | description                                   | budget  | request          | verdict | in use  |
        | A tight budget refuses a bigger allocation    | 256 MiB | 512 MiB          | refused | 0 bytes |
        | A generous budget grants a small allocation   | 8 GiB   | 512 MiB          | granted | 512 MiB |
        | An allocation of exactly the limit is granted | 1 GiB   | 1 GiB            | granted | 1 GiB   |
        | One byte over the limit is refused            | 1 GiB   | 1073741825 bytes | refused | 0 bytes |

    Scenario: A refusal names the limit and the request
      Given a context for model llama-7b-v1 of tenant acme with a budget of 1 GiB
      When tenant acme attempts to allocate 1073741825 bytes in llama-7b-v1
      Then the attempt is refused with 'acme/llama-7b-v1#1: memory budget of 1 GiB exceeded by a request for 1073741825 bytes with 0 bytes in use'

    Scenario: A request needing more working memory than the budget is refused before it runs
      Given a context for model llama-7b-v1 of tenant acme with a budget of 1 GiB
      When tenant acme attempts to run a request needing 2 GiB on llama-7b-v1
      Then the attempt is refused with 'acme/llama-7b-v1#1: memory budget of 1 GiB exceeded by a request for 2 GiB with 0 bytes in use'
      And the backend of llama-7b-v1 has received 0 calls

  Rule: Memory given back can be allocated again

    Scenario: Releasing memory makes room for the next allocation
      Given a context for model llama-7b-v1 of tenant acme with a budget of 1 GiB
      And tenant acme has allocated 1 GiB in llama-7b-v1
      When tenant acme releases 512 MiB from llama-7b-v1
      And tenant acme attempts to allocate 512 MiB in llama-7b-v1
      Then the attempt is granted

    Scenario: A finished request gives its working memory back
      Given a context for model llama-7b-v1 of tenant acme with a budget of 1 GiB
      When tenant acme runs 3 requests needing 1 GiB each on llama-7b-v1
      Then llama-7b-v1 has 0 bytes in use
      And llama-7b-v1 has had at most 1 GiB in use

  Rule: One context's spending never shrinks another context's budget

    Scenario: A full context leaves its neighbour's budget untouched
      Given a context for model llama-7b-v1 of tenant acme with a budget of 1 GiB
      And a context for model mistral-7b of tenant acme with a budget of 1 GiB
      When tenant acme allocates 1 GiB in llama-7b-v1
      And tenant acme attempts to allocate 1 GiB in mistral-7b
      Then the attempt is granted

    Scenario: A context of one tenant cannot exhaust another tenant's budget
      Given a context for model llama-7b-v1 of tenant acme with a budget of 1 GiB
      And a context for model mistral-7b of tenant globex with a budget of 512 MiB
      When tenant acme allocates 1 GiB in llama-7b-v1
      Then mistral-7b has 0 bytes in use
      And llama-7b-v1 has 1 GiB in use

  Rule: A context admits only as many requests at once as its budget allows

    Scenario: A request beyond the concurrency limit is refused while the others run
      Given a context for model llama-7b-v1 of tenant acme with a budget of 1 GiB and 2 concurrent requests
      And the backend of llama-7b-v1 answers after 5 seconds
      When tenant acme starts 2 requests on llama-7b-v1
      And tenant acme attempts to run a request on llama-7b-v1
      Then the attempt is refused with 'acme/llama-7b-v1#1: limit of 2 concurrent requests reached'
