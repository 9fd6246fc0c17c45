package dev.retort.realapps;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import org.hibernate.resource.beans.container.spi.BeanContainer;
import org.hibernate.resource.beans.container.spi.ContainedBean;
import org.hibernate.resource.beans.spi.BeanInstanceProducer;

/**
 * A stand-in for the application's bean container (Spring's, CDI's): makes each bean Hibernate asks
 * for (an entity listener, a converter) through its no-argument constructor, or else through its
 * first constructor with no collaborators ({@code null}s), since only the mapping is wanted.
 */
public final class ConstructorBeanContainer implements BeanContainer {
    @Override
    public <B> ContainedBean<B> getBean(Class<B> beanType, LifecycleOptions options, BeanInstanceProducer fallback) {
        B bean = make(beanType);
        return () -> bean;
    }

    @Override
    public <B> ContainedBean<B> getBean(String name, Class<B> beanType, LifecycleOptions options, BeanInstanceProducer fallback) {
        B bean = make(beanType);
        return () -> bean;
    }

    @Override
    public void stop() {}

    private static <B> B make(Class<B> type) {
        try {
            Constructor<?> constructor = Arrays.stream(type.getDeclaredConstructors())
                    .min((a, b) -> Integer.compare(a.getParameterCount(), b.getParameterCount()))
                    .orElseThrow();
            constructor.setAccessible(true);
            Object[] arguments = new Object[constructor.getParameterCount()];
            return type.cast(constructor.newInstance(arguments));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type.getName() + ": " + e, e);
        }
    }
}
