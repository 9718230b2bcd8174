using Wijkwerk.Tui.Cli;

return CommandLine.Build(TimeProvider.System, Wijkwerk.Tui.App.AppHost.Run).Parse(args).Invoke();
