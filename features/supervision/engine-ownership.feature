@engine-ownership @process
Feature: Engine ownership
  Every engine belongs to the manager that started it and ends with it, however the manager ends:
  stopped by SIGTERM or killed by SIGKILL, with no chance to clean up. The kernel ends the engines,
  so this holds for an engine that ignores its parent and for any plain program run as an engine.
  Where the kernel's tie is turned off (a machine without setpriv), the manager's own clean-up still
  ends its engines when it stops normally; only a killed manager leaves them behind.

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

  Rule: Without the kernel's tie, a manager that stops normally still ends its engines

    Scenario: Engines not tied to their manager end when it is stopped by SIGTERM
      Given a manager process runs 2 engines that ignore their parent and are not tied to it by the kernel
      When the manager process is stopped by SIGTERM
      Then none of its engines is running

    Scenario: Engines not tied to their manager outlive it when it is killed
      Given a manager process runs 2 engines that ignore their parent and are not tied to it by the kernel
      When the manager process is killed by SIGKILL
      Then its 2 engines are still running, none of them being killed
