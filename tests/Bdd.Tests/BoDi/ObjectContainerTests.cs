using Bdd.BoDi;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.BoDi;

public interface IClock { }

public sealed class Clock : IClock { }

public sealed class Needs(Clock clock, IObjectContainer container)
{
    public Clock Clock { get; } = clock;
    public IObjectContainer Container { get; } = container;
}

public sealed class ChickenA(ChickenB b) { public ChickenB B { get; } = b; }

public sealed class ChickenB(ChickenA a) { public ChickenA A { get; } = a; }

public sealed class TakesInt(int value) { public int Value { get; } = value; }

public sealed class Tracked(List<string> log, string name) : IDisposable
{
    public void Dispose() => log.Add(name);
}

public class ObjectContainerTests
{
    [Fact]
    public void Resolve_SameType_ReturnsOneInstancePerContainer()
    {
        var container = new ObjectContainer();
        var needs = container.Resolve<Needs>();
        container.Resolve<Clock>().Should().BeSameAs(needs.Clock);
        needs.Container.Should().BeSameAs(container);
        new ObjectContainer().Resolve<Clock>().Should().NotBeSameAs(needs.Clock);
    }

    [Fact]
    public void Resolve_RegisteredInParent_ReturnsParentsInstance()
    {
        var parent = new ObjectContainer();
        var clock = new Clock();
        parent.RegisterInstanceAs<IClock>(clock);
        new ObjectContainer(parent).Resolve<IClock>().Should().BeSameAs(clock);
    }

    [Fact]
    public void Resolve_TypeMapping_CreatesImplementation()
    {
        var container = new ObjectContainer();
        container.RegisterTypeAs<Clock, IClock>();
        container.Resolve<IClock>().Should().BeSameAs(container.Resolve<Clock>());
        container.IsRegistered<IClock>().Should().BeTrue();
    }

    [Fact]
    public void Resolve_UnregisteredInterface_ThrowsClearMessage()
        => FluentActions.Invoking(() => new ObjectContainer().Resolve<IClock>())
            .Should().Throw<ObjectContainerException>().WithMessage("*IClock*interface*RegisterInstanceAs*");

    [Fact]
    public void Resolve_Cycle_ThrowsNamingThePath()
        => FluentActions.Invoking(() => new ObjectContainer().Resolve<ChickenA>())
            .Should().Throw<ObjectContainerException>().WithMessage("*Circular dependency: ChickenA -> ChickenB -> ChickenA*");

    [Fact]
    public void Resolve_PrimitiveConstructorParameter_ThrowsClearMessage()
        => FluentActions.Invoking(() => new ObjectContainer().Resolve<TakesInt>())
            .Should().Throw<ObjectContainerException>().WithMessage("*'value' is a Int32*");

    [Fact]
    public async Task DisposeAsync_OwnedObjects_DisposedInReverseOrderAndRegisteredOnlyWhenAsked()
    {
        var log = new List<string>();
        var container = new ObjectContainer();
        container.RegisterInstanceAs(new Tracked(log, "first"), dispose: true);
        container.RegisterInstanceAs<IDisposable>(new Tracked(log, "not owned"));
        container.RegisterInstanceAs(new Tracked(log, "second"), typeof(object), dispose: true);
        await container.DisposeAsync();
        log.Should().Equal("second", "first");
        FluentActions.Invoking(() => container.Resolve<Clock>()).Should().Throw<ObjectDisposedException>();
    }
}
