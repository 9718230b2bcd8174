Console.WriteLine("wijkwerk");
