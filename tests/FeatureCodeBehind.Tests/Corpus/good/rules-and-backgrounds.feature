@area-drain @req-101
Feature: Drain pools before maintenance
  A draining pool finishes its leases
  and refuses new ones.

  Background: a running fleet
    Given pool gpu-0 serves llama-7b-v1
    And pool gpu-1 serves llama-7b-v1

  Scenario: An idle pool drains at once
    When the operator drains pool gpu-0
    Then pool gpu-0 is drained

  @refusal
  Rule: A draining pool refuses new leases
    Leases already granted keep running.

    Background:
      Given pool gpu-0 is draining

    @smoke
    Example: A new lease is refused
      When a client asks pool gpu-0 for a lease
      Then the lease is refused with "pool gpu-0 is draining"
      But pool gpu-1 still grants leases

    Scenario: An existing lease keeps running
      Given a lease on pool gpu-0 granted 10 seconds ago
      When 300 seconds pass
      Then the lease is still running

  Rule: Drained pools can be resumed

    Scenario: Resume
      Given pool gpu-1 is drained
      When the operator resumes pool gpu-1
      Then pool gpu-1 grants leases
