using Mera.Core.Domain;

namespace Mera.Core.Reading.Platforms;

/// <summary>The exports of DOMAIN §7 with the column names of the seeds (000 §5, 001) and their common variants.</summary>
public static class PlatformLayouts
{
    private const string TwelveMonths = "за последние 12 месяцев";

    public static readonly PlatformLayout Educont = new("educont", "выгрузка ЦОК educont.ru", PeriodType.Quarter,
    [
        new("educont.teachers.registered", true, "Преподавателей зарегистрировано"),
        new("educont.teachers.confirmed", true, "Преподавателей подтверждено"),
        new("educont.teachers.activated", false, "Преподаватели, которые активировали минимум 1 платформу"),
        new("educont.teachers.unconfirmed", false, "Неподтвержденные преподаватели", "Не подтвержденные преподаватели"),
        new("educont.students.registered", true, "Учеников зарегистрировано"),
        new("educont.students.confirmed", true, "Учеников подтверждено"),
        new("educont.students.activated", false, "Ученики, которые активировали минимум 1 платформу"),
        new("educont.students.unconfirmed", false, "Не подтвержденные ученики", "Неподтвержденные ученики"),
        new("educont.students.active_month", false, "Активные ученики educont в текущем месяц",
            "Активные ученики educont в текущем месяце", "Активные ученики educont"),
    ],
    ["Муниципалитет", "Муниципальный район", "Муниципальное образование", "Район"]);

    public static readonly PlatformLayout Sferum = new("sferum", "статистика ИКОП «Сферум»", PeriodType.Week,
    [
        new("sferum.students.total", true, "Учеников всего"),
        new("sferum.teachers.total", true, "Учителей всего"),
        new("sferum.teachers.group_chats", false, "Учителя, создавшие групповые чаты"),
        new("sferum.teachers.msg3", false, "Учителя, написавшие в групповых чатах минимум 3 сообщения за неделю"),
        new("sferum.teachers.msg10", false, "Учителя, написавшие в групповых чатах минимум 10 сообщений за неделю"),
        new("sferum.teachers.call1", false, "Учителя, совершившие минимум 1 звонок за неделю"),
        new("sferum.teachers.ezhd_linked", false, "Учителя, связавшие аккаунты ЭЖД"),
        new("sferum.students.ezhd_linked", false, "Ученики, связавшие аккаунты ЭЖД"),
        new("sferum.org.active", false, "Статус профиля организации", "Статус профиля", "Профиль организации", "Статус организации"),
        // Seed 001 words them «Учителей, использовавших за последние 12 месяцев ИКОП «Сферум»».
        new("sferum.teachers.active_12m", false, "Учителя, использовавшие Сферум за последние 12 месяцев",
            "Учителей, использовавших за последние 12 месяцев", "Учителя, использовавшие за последние 12 месяцев")
        {
            Family = TwelveMonths,
        },
        new("sferum.students.active_12m", false, "Ученики, использовавшие Сферум за последние 12 месяцев",
            "Учеников, использовавших за последние 12 месяцев", "Ученики, использовавшие за последние 12 месяцев")
        {
            Family = TwelveMonths,
        },
    ],
    ["Муниципалитет", "Муниципальный район", "Муниципальное образование", "Район"]);

    public static readonly PlatformLayout MySchool = new("myschool", "статистика ФГИС «Моя школа»", PeriodType.Month,
    [
        new("myschool.org.registered", false, "Организация зарегистрирована", "Зарегистрирована в ФГИС Моя школа", "Статус регистрации"),
        new("myschool.teachers.registered", true, "Учителя, зарегистрированные", "Учителей зарегистрировано", "Зарегистрировано учителей"),
        new("myschool.teachers.active", true, "Активные учителя", "Активных учителей"),
        new("myschool.students.registered", true, "Обучающиеся, зарегистрированные", "Обучающихся зарегистрировано",
            "Учеников зарегистрировано", "Зарегистрировано обучающихся"),
        new("myschool.students.active", true, "Активные обучающиеся", "Активные ученики", "Активных обучающихся"),
        new("myschool.parents.registered", false, "Родители, зарегистрированные", "Родителей зарегистрировано",
            "Родители (законные представители), зарегистрированные"),
    ],
    ["Муниципалитет", "Муниципальный район", "Муниципальное образование", "Район"]);

    public static readonly IReadOnlyList<PlatformLayout> All = [Educont, Sferum, MySchool];

    public static PlatformLayout? ByKind(string kind) => All.FirstOrDefault(l => l.Kind == kind);
}
