@engine-ownership @process
Feature: Engine ownership
  Every engine belongs to the manager that started it and ends with it, however the manager ends:
  stopped by SIGTERM or killed by SIGKILL, with no chance to clean up. The kernel ends the engines,
  so this holds for an engine that ignores its parent and for any plain program run as an engine.

  Rule: No engine outlives its manager

    Scenario Outline: No engine survives a manager <ended>
      Given a manager process runs 2 engines that ignore their parent
      When the manager process is <ended>
      Then none of its engines is running

      Examples:
        | ended              |
        | killed by SIGKILL  |
        | stopped by SIGTERM |

    Scenario: A plain program run as an engine ends with its killed manager
      Given a manager process runs 2 engines that are the plain program "sleep 600"
      When the manager process is killed by SIGKILL
      Then none of its engines is running
