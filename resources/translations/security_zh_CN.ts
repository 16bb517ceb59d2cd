<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ProfileLock</name>
    <message>
        <location filename="../../ui/lock.py" line="27" />
        <source>This profile is protected by a password.
Password:</source>
        <translation>此档案受密码保护。
密码：</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="30" />
        <source>The password is wrong. Try again.
Password:</source>
        <translation>密码错误，请重试。
密码：</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="33" />
        <source>School Inspect was locked after %1 minutes without use.
Password:</source>
        <translation>已 %1 分钟未操作，学校督导已锁定。
密码：</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="36" />
        <source>School Inspect — locked</source>
        <translation>学校督导 — 已锁定</translation>
    </message>
</context>
</TS>
