using ManagerHost;
using ManagerHost.Ownership;

// manager-host [--untied] COUNT COMMAND [ARGUMENT...] | manager-host --write-state PATH
//   The modes the engine-ownership specs kill (Ownership/OwnershipModes.cs).
// manager-host [--config FILE] [--Manager:Key=value ...]
//   The manager service (ManagerApp.cs, docs/operating.md).
// In every mode it exits once the test host named by SPECS_TEST_HOST_PID has ended (EngineStub.TestHostTie); without
// the variable (an operator's run) the tie does nothing.
EngineStub.TestHostTie.EndWithTestHost();
return OwnershipModes.Claims(args)
    ? await OwnershipModes.RunAsync(args)
    : await ManagerApp.RunAsync(args);
