namespace Actors.Hocon;
