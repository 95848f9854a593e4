@concurrency
Feature: Context concurrency
  Contexts are used from many threads at once. Whatever the interleaving, every request is counted
  exactly once, a budget is never overshot, a fault stays where it happened, and the trace accounts
  for every event.

  Rule: Contexts on different threads do not disturb each other

    @tenant @budget @counters @fault
    Scenario: 16 tenants on 8 threads keep exact counts within their own budgets, and a fault in one stays there
      Given 16 tenants each have a context with a budget of 2400 bytes, room for 8 requests of 300 bytes at once
      And the backend of tenant-07 fails on every call
      When 8 threads each run 2000 requests needing 300 bytes on every tenant's context
      Then the tenants' contexts count their requests:
        | tenant              | requests | successes | failures |
        | each healthy tenant | 16000    | 16000     | 0        |
        | tenant-07           | 16000    | 0         | 16000    |
      And no tenant's context has had more than 2400 bytes in use
      And only the context of tenant-07 is faulted
      And no other tenant's request failed in its backend

    @tenant
    Scenario: Another tenant's refused requests leave a context's work exact
      Given a context for model llama-7b-v1 of tenant acme
      When tenant acme runs 100000 requests on llama-7b-v1 while tenant globex runs 100000 requests on llama-7b-v1
      Then llama-7b-v1 counts 100000 requests, 100000 successes and 0 failures
      And all 100000 requests of tenant globex were refused as another tenant's

    @tenant @budget
    Scenario: A neighbour refused for its budget leaves a context's work exact
      Given a context for model llama-7b-v1 of tenant acme
      And a context for model mistral-7b of tenant globex with a budget of 1 KiB
      When tenant acme runs 100000 requests on llama-7b-v1 while tenant globex runs 100000 requests needing 2 KiB each on mistral-7b
      Then llama-7b-v1 counts 100000 requests, 100000 successes and 0 failures
      And mistral-7b counts 100000 requests, 0 successes and 100000 failures
      And all 100000 requests of tenant globex were refused for its budget

    Scenario: Two contexts on two threads keep their own counts
      Given a context for model llama-7b-v1 of tenant acme
      And a context for model mistral-7b of tenant globex
      When tenant acme runs 100000 requests on llama-7b-v1 while tenant globex runs 50000 requests on mistral-7b
      Then llama-7b-v1 counts 100000 requests, 100000 successes and 0 failures
      And mistral-7b counts 50000 requests, 50000 successes and 0 failures

  Rule: Under contention the totals are exact and the budget is never overshot

    @budget @counters
    Scenario: 8 threads running a million requests within a budget that fits them all serve every one
      Given a context for model llama-7b-v1 of tenant acme with a budget of 2400 bytes and 8 concurrent requests
      When 8 threads each run 125000 requests needing 300 bytes on llama-7b-v1
      Then llama-7b-v1 counts 1000000 requests, 1000000 successes and 0 failures
      And llama-7b-v1 has had at most 2400 bytes in use
      And llama-7b-v1 has 0 bytes in use

    @budget @counters
    Scenario: 8 threads running a million requests keep exact totals within a tight budget
      Given a context for model llama-7b-v1 of tenant acme with a budget of 1000 bytes and 4 concurrent requests
      When 8 threads each run 125000 requests needing 300 bytes on llama-7b-v1
      Then llama-7b-v1 counts 1000000 requests, each served or refused for its budget as the threads saw it, some served
      And llama-7b-v1 has never had more than 3 requests of 300 bytes in use at once, the most its 1000 bytes hold
      And llama-7b-v1 has 0 bytes in use

    @budget
    Scenario: 8 threads racing for memory are granted exactly the budget
      Given a context for model llama-7b-v1 of tenant acme with a budget of 500000 bytes
      When 8 threads each attempt 125000 allocations of 1 byte in llama-7b-v1
      Then exactly 500000 allocations are granted
      And llama-7b-v1 has 500000 bytes in use

    @trace
    Scenario: 8 threads filling the trace leave every event accounted for
      Given a trace keeping 1024 events
      And a context for model llama-7b-v1 of tenant acme
      When 8 threads each run 125000 requests on llama-7b-v1
      Then the trace accounts for every event:
        | events                                                    | count   |
        | recorded: the context's creation and its 1000000 requests | 1000001 |
        | kept: the newest, as many as the trace holds              | 1024    |
        | dropped: the older ones                                   | 998977  |

  Rule: Budget, faults and threads combine predictably

    @budget @fault
    Scenario Outline: On one thread: <description>
      Given a context for model llama-7b-v1 of tenant acme with a budget of 1 GiB and 8 concurrent requests
      And the backend of llama-7b-v1 <backend>
      When one thread runs 1000 requests needing <memory> on llama-7b-v1
      Then llama-7b-v1 counts every request that ran: <successes> successes and <failures> failures
      And the llama-7b-v1 context is <state>

      Examples:
        | description                                       | backend                             | memory           | successes | failures | state   |
        | Within budget and healthy, every request succeeds | answers every call                  | 64 MiB           | 1000      | 0        | active  |
        | Exactly at the limit and healthy, all succeed     | answers every call                  | 1 GiB            | 1000      | 0        | active  |
        | One byte over the limit, every request is refused | answers every call                  | 1 GiB and 1 byte | 0         | 1000     | active  |
        | Within budget but failing, the first call faults  | fails on every call                 | 64 MiB           | 0         | 1000     | faulted |
        | Failing after 500 calls keeps the 500 successes   | fails on every call after 500 calls | 64 MiB           | 500       | 500      | faulted |

    @budget @fault
    Scenario Outline: On eight threads: <description>
      Given a context for model llama-7b-v1 of tenant acme with a budget of 1 GiB and 8 concurrent requests
      And the backend of llama-7b-v1 <backend>
      When 8 threads each run 10000 requests needing <memory> on llama-7b-v1
      Then llama-7b-v1 counts every request that ran: <successes> successes and <failures> failures
      And the llama-7b-v1 context is <state>

      Examples:
        | description                                    | backend                             | memory           | successes | failures | state   |
        | Within budget and healthy, all succeed         | answers every call                  | 64 MiB           | 80000     | 0        | active  |
        | Each needing an eighth, they fill the budget   | answers every call                  | 128 MiB          | 80000     | 0        | active  |
        | One byte over the limit, all are refused       | answers every call                  | 1 GiB and 1 byte | 0         | 80000    | active  |
        | Failing from the first call, none succeed      | fails on every call                 | 64 MiB           | 0         | 80000    | faulted |
        | Failing after 500 calls keeps exactly 500      | fails on every call after 500 calls | 64 MiB           | 500       | 79500    | faulted |
        | Over budget and failing, the budget refuses    | fails on every call                 | 1 GiB and 1 byte | 0         | 80000    | active  |
