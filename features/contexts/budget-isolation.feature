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

    Scenario Outline: A refusal names the limit, the request and what is in use, in exact sizes: <description>
      Given a context for model llama-7b-v1 of tenant acme with a budget of <budget>
      And tenant acme has allocated <in use> in llama-7b-v1
      When tenant acme attempts to allocate <request> in llama-7b-v1
      Then the attempt is refused with '<refusal>'

      Examples:
        | description                         | budget | in use  | request          | refusal                                                                                                   |
        | A size in bytes is never rounded    | 1 GiB  | 0 bytes | 1073741825 bytes | acme/llama-7b-v1#1: memory budget of 1 GiB exceeded by a request for 1073741825 bytes with 0 bytes in use |
        | A single byte is written as 1 byte  | 1 GiB  | 1 GiB   | 1 byte           | acme/llama-7b-v1#1: memory budget of 1 GiB exceeded by a request for 1 byte with 1 GiB in use             |
        | Whole kibibytes are written in KiB  | 1 MiB  | 768 KiB | 512 KiB          | acme/llama-7b-v1#1: memory budget of 1 MiB exceeded by a request for 512 KiB with 768 KiB in use          |

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

    Scenario: Releasing more than is in use gives back only what is in use
      Given a context for model llama-7b-v1 of tenant acme with a budget of 1 GiB
      And tenant acme has allocated 256 MiB in llama-7b-v1
      When tenant acme releases 1 GiB from llama-7b-v1
      Then llama-7b-v1 has 0 bytes in use
      And llama-7b-v1 has had 256 MiB in use at its peak

    Scenario: A finished request gives its working memory back
      Given a context for model llama-7b-v1 of tenant acme with a budget of 1 GiB
      When tenant acme runs 3 requests needing 1 GiB each on llama-7b-v1
      Then llama-7b-v1 has 0 bytes in use
      And llama-7b-v1 has had 1 GiB in use at its peak

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

  Rule: A context admits only as many requests over its lifetime as its budget allows

    Scenario: Every request after the last one allowed is refused for that limit
      Given a context for model llama-7b-v1 of tenant acme with a budget of 1 GiB, 1 concurrent request and 3 total requests
      When tenant acme runs 5 requests on llama-7b-v1
      Then the first 3 requests are served and the other 2 are refused with 'acme/llama-7b-v1#1: limit of 3 total requests reached'

  Rule: A budget's limits are described in words an operator reads

    Scenario Outline: The limits of a context read as a sentence: <description>
      Given a context for model llama-7b-v1 of tenant acme with a budget of <memory>, <concurrent> concurrent requests and <total>
      Then the limits of llama-7b-v1 read '<limits>'

      Examples:
        | description                          | memory  | concurrent | total                    | limits                                         |
        | A lifetime limit is given as a count | 512 MiB | 4          | 1000 total requests      | 512 MiB, 4 concurrent, 1000 total requests     |
        | No lifetime limit reads unlimited    | 1 GiB   | 64         | unlimited total requests | 1 GiB, 64 concurrent, unlimited total requests |
