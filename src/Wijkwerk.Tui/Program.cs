using Wijkwerk.Tui.Cli;

return CommandLine.Invoke(args, TimeProvider.System, Wijkwerk.Tui.App.AppHost.Run);
