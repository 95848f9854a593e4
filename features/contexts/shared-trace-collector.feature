@trace
Feature: Shared trace collector
  All contexts write what happens to them into one bounded trace. Every event names its context,
  model and tenant and carries the time; each context's events read back in order; when the trace is
  full the oldest events give way, and the loss is counted.

  Rule: Every event is attributed to its context, model and tenant, with the time

    Scenario: Events carry the context, the model, the tenant and the time
      Given a context for model llama-7b-v1 of tenant acme
      And 30 seconds passed
      When tenant acme runs 1 request on llama-7b-v1
      Then the trace of llama-7b-v1 reads:
        | event    | context            | model       | tenant | at         |
        | Created  | acme/llama-7b-v1#1 | llama-7b-v1 | acme   | 0 seconds  |
        | Executed | acme/llama-7b-v1#1 | llama-7b-v1 | acme   | 30 seconds |

    Scenario: A fault and a reset are in the trace
      Given a context for model llama-7b-v1 of tenant acme
      And the llama-7b-v1 context has faulted with 'CUDA out of memory'
      When the operator resets the llama-7b-v1 context
      Then the events of llama-7b-v1 are Created, Faulted, Reset

    Scenario: Another tenant's refused attempt is in the owner's trace
      Given a context for model llama-7b-v1 of tenant acme
      When tenant globex attempts to run a request on llama-7b-v1
      Then the events of llama-7b-v1 are Created, Forbidden

  Rule: Each context's events read back in the order they happened

    Scenario: Interleaved events of two contexts read back apart and in order
      Given a context for model llama-7b-v1 of tenant acme
      And a context for model mistral-7b of tenant globex
      When tenant acme runs 2 requests on llama-7b-v1 while tenant globex runs 3 requests on mistral-7b
      Then the events of llama-7b-v1 are Created, Executed, Executed
      And the events of mistral-7b are Created, Executed, Executed, Executed

  Rule: A tenant's subscriber hears that tenant's events and no other

    @tenant @concurrency
    Scenario: A subscriber of one tenant hears only its events, each context's in order, while 64 threads record
      Given a trace keeping 65536 events
      And a subscriber to the events of tenant tenant-01
      When 64 threads each record 1000 events for a context of their own, the contexts of 4 tenants in turn
      Then the subscriber has heard 16000 events, all of tenant tenant-01, each context's in the order recorded

    @concurrency
    Scenario: A subscriber that throws loses the trace nothing
      Given a trace keeping 65536 events
      And a subscriber to the events of tenant tenant-01 that throws on every 100th event
      When 64 threads each record 1000 events for a context of their own, the contexts of 4 tenants in turn
      Then the trace has recorded 64000 events, kept 64000 and dropped 0
      And every thread's 1000 events are in the trace once each, in the order it recorded them
      And the trace counts each of the subscriber's 160 failures: 1 in every 100 of the 16000 events of tenant-01

  @concurrency
  Rule: Many writers at once lose nothing, and recording holds no memory

    Scenario: 64 threads recording at once keep every event once, each thread's in order
      Given a trace keeping 65536 events
      When 64 threads each record 1000 events for a context of their own
      Then the trace has recorded 64000 events, kept 64000 and dropped 0
      And every thread's 1000 events are in the trace once each, in the order it recorded them
      And no writer thread allocated memory for the events it recorded

    Scenario: A run of a million events keeps memory flat
      Given a trace keeping 65536 events
      When one thread records 1000000 events for a context of its own
      Then the trace has recorded 1000000 events, kept 65536 and dropped 934464
      And no writer thread allocated memory for the events it recorded

  Rule: A full trace drops its oldest events and counts them

    Scenario Outline: A full trace drops its oldest events: <description>
      Given a trace keeping <capacity> events
      And a context for model llama-7b-v1 of tenant acme
      When tenant acme runs <requests> requests on llama-7b-v1
      Then the trace has recorded <recorded> events, kept <kept> and dropped <dropped>

      Examples:
        | description                              | capacity | requests | recorded | kept | dropped |
        | A trace with room to spare drops nothing | 8        | 3        | 4        | 4    | 0       |
        | A trace filled exactly drops nothing     | 8        | 7        | 8        | 8    | 0       |
        | One event too many drops the oldest one  | 8        | 8        | 9        | 8    | 1       |
        | A long run keeps only the newest events  | 4        | 100      | 101      | 4    | 97      |

    Scenario: The oldest events are the ones dropped
      Given a trace keeping 4 events
      And a context for model llama-7b-v1 of tenant acme
      When tenant acme runs 5 requests on llama-7b-v1
      Then the events of llama-7b-v1 are Executed, Executed, Executed, Executed
