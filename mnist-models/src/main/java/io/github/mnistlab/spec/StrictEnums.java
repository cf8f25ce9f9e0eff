package io.github.mnistlab.spec;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads enum values by their configuration names ({@code relu}, {@code adamw}, {@code cnn}…) and
 * rejects an unknown one with the accepted names, where Gson alone would silently read it as null
 * and the default would apply — a typo such as {@code "sigmod"} must not go unnoticed.
 */
final class StrictEnums implements TypeAdapterFactory {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<? super T> raw = type.getRawType();
        if (!raw.isEnum()) {
            return null;
        }
        return (TypeAdapter<T>) new Adapter(raw);
    }

    private static final class Adapter<E extends Enum<E>> extends TypeAdapter<E> {
        private final Map<String, E> byName = new LinkedHashMap<>();
        private final Map<E, String> names = new LinkedHashMap<>();

        Adapter(Class<E> type) {
            for (E constant : type.getEnumConstants()) {
                String name = constant.name();
                try {
                    SerializedName annotation = type.getField(name).getAnnotation(SerializedName.class);
                    if (annotation != null) {
                        name = annotation.value();
                    }
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(e);
                }
                byName.put(name, constant);
                names.put(constant, name);
            }
        }

        @Override
        public void write(JsonWriter out, E value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(names.get(value));
            }
        }

        @Override
        public E read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            String text = in.nextString();
            E value = byName.get(text);
            if (value == null) {
                throw new JsonParseException("'" + text + "' is not one of " + String.join(", ", byName.keySet()));
            }
            return value;
        }
    }
}
